package domain

// Scope says which people a name typed by a user may refer to.
type Scope int

const (
	// PreferActive looks among active people, then among archived ones.
	PreferActive Scope = iota
	// OnlyActive looks among active people only.
	OnlyActive
	// PreferArchived looks among archived people, then among active ones.
	PreferArchived
)
