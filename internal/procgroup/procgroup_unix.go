//go:build unix

package procgroup

import (
	"os/exec"
	"syscall"
)

// Own makes cmd, not yet started, the leader of a new process group, and
// makes its cancellation (exec.CommandContext's) kill the whole group.
func Own(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
