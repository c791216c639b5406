//go:build !linux

package safefile

import "os"

// temp is the file being written, under a temporary name.
type temp struct {
	f      *os.File
	placed bool
}

func newTemp(dir, base string) (*temp, error) {
	f, err := namedTemp(dir, base)
	if err != nil {
		return nil, err
	}
	return &temp{f: f}, nil
}

// place gives the written file the name dst.
func (t *temp) place(dst string, replace bool) error {
	if err := t.f.Close(); err != nil {
		return err
	}
	if err := linkOrRename(t.f.Name(), dst, replace); err != nil {
		return err
	}
	t.placed = true
	return nil
}

// discard removes what is left of a file that was not placed.
func (t *temp) discard() {
	if t.placed {
		return
	}
	t.f.Close()
	os.Remove(t.f.Name())
}
