package store

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
)

// walState is what a -wal file beside a database holds, read without
// SQLite, so that nothing is written while it is looked at.
type walState struct {
	// Frames is the number of frames of committed transactions in it.
	Frames int
	// Pending is the number of pages whose latest committed version in
	// the -wal differs from the page in the database file: changes that
	// the file alone lacks. Zero when everything was copied back.
	Pending int
	// PageSizeDiffers says the -wal was written for a database of another
	// page size: it cannot be this file's.
	PageSizeDiffers bool
}

// walHeaderMagic begins every -wal SQLite writes (its last bit says the
// byte order of the checksums).
const walHeaderMagic = 0x377f0682

// readWAL reads the -wal beside the database file at path. A missing or
// empty -wal holds nothing.
func readWAL(path string) (walState, error) {
	var st walState
	wal, err := os.ReadFile(path + "-wal")
	if err != nil || len(wal) < 32 {
		return st, nil
	}
	magic := binary.BigEndian.Uint32(wal[0:4])
	if magic&^1 != walHeaderMagic {
		return st, nil // not a WAL header: SQLite ignores the file
	}
	var order binary.ByteOrder = binary.LittleEndian
	if magic&1 == 1 {
		order = binary.BigEndian
	}
	pageSize := int(binary.BigEndian.Uint32(wal[8:12]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return st, nil
	}
	salt := wal[16:24]
	s1, s2 := walChecksum(order, wal[0:24], 0, 0)
	if s1 != binary.BigEndian.Uint32(wal[24:28]) || s2 != binary.BigEndian.Uint32(wal[28:32]) {
		return st, nil // a header SQLite would not trust either
	}
	latest := map[uint32][]byte{} // page number → its content in the latest commit
	pending := map[uint32][]byte{}
	for off := 32; off+24+pageSize <= len(wal); off += 24 + pageSize {
		hdr, page := wal[off:off+24], wal[off+24:off+24+pageSize]
		if !bytes.Equal(hdr[8:16], salt) {
			break
		}
		s1, s2 = walChecksum(order, hdr[0:8], s1, s2)
		s1, s2 = walChecksum(order, page, s1, s2)
		if s1 != binary.BigEndian.Uint32(hdr[16:20]) || s2 != binary.BigEndian.Uint32(hdr[20:24]) {
			break
		}
		pending[binary.BigEndian.Uint32(hdr[0:4])] = page
		if binary.BigEndian.Uint32(hdr[4:8]) != 0 { // a commit
			for n, p := range pending {
				latest[n] = p
			}
			st.Frames = (off-32)/(24+pageSize) + 1
			clear(pending)
		}
	}
	if st.Frames == 0 {
		return st, nil
	}
	db, err := os.Open(path)
	if err != nil {
		return st, err
	}
	defer db.Close()
	header := make([]byte, 18)
	if _, err := io.ReadFull(db, header); err == nil {
		dbPageSize := int(binary.BigEndian.Uint16(header[16:18]))
		if dbPageSize == 1 {
			dbPageSize = 65536
		}
		st.PageSizeDiffers = dbPageSize != pageSize
	}
	have := make([]byte, pageSize)
	for n, p := range latest {
		k, _ := db.ReadAt(have, int64(n-1)*int64(pageSize))
		if k != pageSize || !bytes.Equal(have, p) {
			st.Pending++
		}
	}
	return st, nil
}

// walChecksum is SQLite's checksum of WAL headers and frames, continued
// from s1 and s2.
func walChecksum(order binary.ByteOrder, b []byte, s1, s2 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(b); i += 8 {
		s1 += order.Uint32(b[i:]) + s2
		s2 += order.Uint32(b[i+4:]) + s1
	}
	return s1, s2
}
