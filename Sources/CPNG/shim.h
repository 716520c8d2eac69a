#include <png.h>
#include <setjmp.h>
#include <string.h>
#include <zlib.h>

/* libpng reports errors by longjmp, which Swift cannot catch. These guards
   arm png_jmpbuf, make one libpng call and return 0 when it failed; the
   message is copied into the 256-byte buffer given at creation. */

static inline void obscura_png_error(png_structp png, png_const_charp message) {
  char *buffer = (char *)png_get_error_ptr(png);
  if (buffer) {
    strncpy(buffer, message, 255);
    buffer[255] = 0;
  }
  png_longjmp(png, 1);
}

static inline void obscura_png_warning(png_structp png, png_const_charp message) {
  (void)png;
  (void)message;
}

static inline png_structp obscura_png_create_write(char *error_buffer) {
  return png_create_write_struct(PNG_LIBPNG_VER_STRING, error_buffer, obscura_png_error,
                                 obscura_png_warning);
}

static inline png_structp obscura_png_create_read(char *error_buffer) {
  return png_create_read_struct(PNG_LIBPNG_VER_STRING, error_buffer, obscura_png_error,
                                obscura_png_warning);
}

static inline int obscura_png_write_info(png_structp png, png_infop info) {
  if (setjmp(png_jmpbuf(png))) return 0;
  png_write_info(png, info);
  return 1;
}

static inline int obscura_png_write_row(png_structp png, png_const_bytep row) {
  if (setjmp(png_jmpbuf(png))) return 0;
  png_write_row(png, row);
  return 1;
}

static inline int obscura_png_write_end(png_structp png, png_infop info) {
  if (setjmp(png_jmpbuf(png))) return 0;
  png_write_end(png, info);
  return 1;
}

static inline int obscura_png_set_header(png_structp png, png_infop info, png_uint_32 width,
                                         png_uint_32 height, int color_type) {
  if (setjmp(png_jmpbuf(png))) return 0;
  png_set_IHDR(png, info, width, height, 8, color_type, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  return 1;
}

static inline int obscura_png_set_text(png_structp png, png_infop info, png_textp text,
                                       int count) {
  if (setjmp(png_jmpbuf(png))) return 0;
  png_set_text(png, info, text, count);
  return 1;
}

static inline int obscura_png_read_info(png_structp png, png_infop info) {
  if (setjmp(png_jmpbuf(png))) return 0;
  png_read_info(png, info);
  return 1;
}

static inline int obscura_png_write_chunk(png_structp png, const char *name, png_const_bytep data,
                                          size_t length) {
  if (setjmp(png_jmpbuf(png))) return 0;
  png_write_chunk(png, (png_const_bytep)name, data, length);
  return 1;
}

/* deflateInit2 is a macro; windowBits 15 writes a zlib header, -15 raw deflate. */
static inline int obscura_deflate_init(z_streamp stream, int level, int window_bits) {
  return deflateInit2(stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
}
