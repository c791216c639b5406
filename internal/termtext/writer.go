package termtext

import "io"

// Writer passes what is written to it on to a terminal, made safe the way
// Text makes a string safe. A sequence cut in two by the writes (a rune,
// a carriage return before its newline, an escape sequence) is held until
// the next write completes it; Flush sends what is still held.
type Writer struct {
	w        io.Writer
	allowSGR bool
	pending  []byte
	buf      []byte
}

// NewWriter returns a Writer over w. With allowSGR, colour and bold pass
// (tend's own styling); every other escape sequence shows as text.
func NewWriter(w io.Writer, allowSGR bool) *Writer {
	return &Writer{w: w, allowSGR: allowSGR}
}

// Write makes p safe and writes it on. It reports all of p as written
// when the safe form was: the safe form's length differs from p's.
func (w *Writer) Write(p []byte) (int, error) {
	src := p
	if len(w.pending) > 0 {
		src = append(w.pending, p...)
	}
	out, n := clean(w.buf[:0], src, w.allowSGR, false)
	w.pending = append(w.pending[:0:0], src[n:]...)
	w.buf = out[:0]
	if _, err := w.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes out what is held from an incomplete sequence, made safe.
func (w *Writer) Flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	out, _ := clean(nil, w.pending, w.allowSGR, true)
	w.pending = nil
	_, err := w.w.Write(out)
	return err
}
