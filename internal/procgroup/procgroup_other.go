//go:build !unix

package procgroup

import "os/exec"

// Own leaves cmd as it is where there are no process groups: its
// cancellation kills the program alone.
func Own(cmd *exec.Cmd) {}
