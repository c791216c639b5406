package main

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/tend-app/tend/internal/config"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/hooks"
)

// A change is what a command changed, as its hooks receive it on standard
// input: its kind (the command), the records it touched, and their old and
// new values where the command has them (null where it does not: an add
// has no old value, a removal no new one).
type change struct {
	Hook    string      `json:"hook"`
	Kind    string      `json:"kind"`
	At      string      `json:"at"`
	DB      string      `json:"db"`
	Records []recordRef `json:"records"`
	Old     any         `json:"old"`
	New     any         `json:"new"`
}

// recordRef names one record a change touched.
type recordRef struct {
	Type string `json:"type"` // person, interaction or memory
	ID   string `json:"id"`
}

func personRef(id string) recordRef      { return recordRef{Type: "person", ID: id} }
func memoryRef(id string) recordRef      { return recordRef{Type: "memory", ID: id} }
func interactionRef(id string) recordRef { return recordRef{Type: "interaction", ID: id} }

// interactionRefs names an interaction and everyone in it.
func interactionRefs(in domain.Interaction) []recordRef {
	refs := []recordRef{interactionRef(in.ID)}
	for _, id := range in.People {
		refs = append(refs, personRef(id))
	}
	return refs
}

// changed notes a change that the command has written, for the
// after-change hook to hear of once the command is done.
func (a *app) changed(kind string, records []recordRef, old, new any) {
	a.changes = append(a.changes, change{Hook: hooks.AfterChange, Kind: kind, Records: records, Old: old, New: new})
}

// imported notes an import, for the after-import hook when it wrote
// something. The hook runs in its own folder: the file is named in full.
func (a *app) imported(result importResultJSON) {
	if result.New+result.Updated == 0 {
		return
	}
	if abs, err := filepath.Abs(result.File); err == nil && result.File != "-" {
		result.File = abs
	}
	a.changes = append(a.changes, change{Hook: hooks.AfterImport, Kind: "import", Records: []recordRef{}, New: result})
}

// runHooks runs the hook of each change the command wrote, in order. A
// hook's trouble is reported on standard error and changes nothing else:
// not the change, not the exit code.
func (a *app) runHooks() {
	if len(a.changes) == 0 {
		return
	}
	for _, c := range a.changes {
		a.sendChange(c, a.now, a.stderr)
	}
}

// sendChange runs the hook of one change made at, its trouble reported to
// stderr.
func (a *app) sendChange(c change, at time.Time, stderr io.Writer) {
	file := config.Path(func(k string) string { return a.env[k] })
	if file == "" {
		return
	}
	dir := config.HooksDir(file)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs // a relative TEND_CONFIG would be read again from the hooks folder
	}
	r := hooks.Runner{Dir: dir, Env: a.environ(), Stderr: stderr}
	if a.nowFlag != "" {
		// A hook that runs tend sees the moment the command acted at.
		r.Env = append(r.Env, "TEND_NOW="+exchange.Time(at))
	}
	if a.store != nil {
		c.DB = a.store.Path()
		// A hook that runs tend works on the same database.
		r.Env = append(r.Env, "TEND_DB="+c.DB)
	}
	c.At = exchange.Time(at)
	if c.Records == nil {
		c.Records = []recordRef{}
	}
	payload, err := json.Marshal(c)
	if err != nil { // values tend built itself: cannot fail
		return
	}
	r.Run(a.ctx(), c.Hook, append(payload, '\n'))
}

// tuiChanged is the full-screen view's AfterChange: it tells the hooks of
// a change made there, the person it was about as its record, and returns
// the line that says what went wrong with a hook, if anything did. What a
// hook prints is kept off the screen.
func (a *app) tuiChanged(clock func() time.Time) func(kind, personID string) string {
	return func(kind, personID string) string {
		var out bytes.Buffer
		c := change{Hook: hooks.AfterChange, Kind: kind, Records: []recordRef{}}
		if personID != "" {
			c.Records = append(c.Records, personRef(personID))
		}
		a.sendChange(c, clock(), &out)
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(line, "tend: hook ") {
				return strings.TrimPrefix(line, "tend: ")
			}
		}
		return ""
	}
}
