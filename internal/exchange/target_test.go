package exchange_test

import (
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/store"
)

// The program's target is the store's import.
var _ exchange.Target = (*store.Import)(nil)
