package rtm

import (
	"os"
	ossignal "os/signal"
	"syscall"
)

// The Engine.IO client this package is built on registers, when it is
// imported, a handler for SIGINT, SIGTERM and SIGQUIT that swallows the
// first such signal (github.com/zishang520/socket.io/clients/engine/v3,
// init.go). A library must not change how its importer's process reacts to
// signals, so the registration is undone here, right after that package's
// init has run: the process keeps the default behaviour, or whatever the
// program itself sets up later with signal.Notify.
func init() {
	ossignal.Reset(os.Interrupt, syscall.SIGTERM, syscall.SIGQUIT)
}
