package phonelog

import "github.com/tend-app/tend/store"

// setMissed marks an interaction as a call that did not connect.
func setMissed(in *store.Interaction) {}

// MissedSupported says whether this build can store missed calls.
const MissedSupported = false
