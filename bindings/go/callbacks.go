package ssprerrors

/*
#include <sspr-errors.h>
*/
import "C"

import (
	"runtime/cgo"
	"unsafe"
)

// ssprGoRecord receives each record of a Scanner (ctx is its cgo.Handle).
//
//export ssprGoRecord
func ssprGoRecord(ctx unsafe.Pointer, record *C.sspr_record) {
	s := cgo.Handle(uintptr(ctx)).Value().(*Scanner)
	s.pending = append(s.pending, copyRecord(record))
}

// ssprGoMatch receives each entry a record names (ctx is the cgo.Handle of
// the Scanner ScanMatches uses).
//
//export ssprGoMatch
func ssprGoMatch(ctx unsafe.Pointer, entry *C.sspr_entry, line C.uint64_t) {
	s := cgo.Handle(uintptr(ctx)).Value().(*Scanner)
	s.matches = append(s.matches, Match{uint64(line), Entry{entry}})
}
