package store

import (
	"encoding/json"

	"github.com/tend-app/tend/internal/domain"
)

// How the fields of migration 0007 are held in their columns.

// typedValue is one entry of phone_types or email_types.
type typedValue struct {
	Value string `json:"value"`
	Type  string `json:"type"`
}

// jsonTypes writes the types of values, in the order of the values.
func jsonTypes(values []string, types map[string]string) string {
	list := []typedValue{}
	for _, v := range values {
		if t := types[v]; t != "" {
			list = append(list, typedValue{Value: v, Type: t})
		}
	}
	b, _ := json.Marshal(list) // strings always marshal
	return string(b)
}

// parseTypes reads phone_types or email_types; a row older than the column
// holds its default, '[]'.
func parseTypes(raw string) (map[string]string, error) {
	out := map[string]string{}
	if raw == "" || raw == "[]" {
		return out, nil
	}
	var list []typedValue
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		return nil, err
	}
	for _, tv := range list {
		out[tv.Value] = tv.Type
	}
	return out, nil
}

type namePartsJSON struct {
	Family     string `json:"family,omitempty"`
	Given      string `json:"given,omitempty"`
	Additional string `json:"additional,omitempty"`
	Prefix     string `json:"prefix,omitempty"`
	Suffix     string `json:"suffix,omitempty"`
}

func jsonNameParts(n domain.NameParts) string {
	if n.IsZero() {
		return ""
	}
	b, _ := json.Marshal(namePartsJSON(n))
	return string(b)
}

func parseNameParts(raw string) (domain.NameParts, error) {
	if raw == "" {
		return domain.NameParts{}, nil
	}
	var n namePartsJSON
	if err := json.Unmarshal([]byte(raw), &n); err != nil {
		return domain.NameParts{}, err
	}
	return domain.NameParts(n), nil
}
