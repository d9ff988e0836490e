package crisp

// Version is the version of this library. It is sent in the User-Agent header.
const Version = "0.1.0"

// defaultUserAgent identifies this library to Crisp.
const defaultUserAgent = "crisp-go/" + Version
