import Obscura

print("obscura \(obscuraVersion)")
