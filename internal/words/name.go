package words

import "strings"

// honorifics are words before a name that are not what a friend calls
// someone: "Dr. Jane Smith" is Jane.
var honorifics = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "mx": true, "miss": true, "prof": true,
	"sir": true, "dame": true, "rev": true, "fr": true, "mme": true, "mlle": true, "herr": true, "frau": true,
}

// particles begin a family name: "van Dijk" is said whole.
var particles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "di": true, "del": true,
	"della": true, "du": true, "des": true, "la": true, "le": true, "ten": true, "ter": true, "zu": true, "al": true, "el": true,
}

// ShortName is what the reasons call someone: their first name ("Ana" for
// Ana Lima), past a title ("Jane" for Dr. Jane Smith), but a title and a
// family name stay together ("Dr. Smith", "Mrs Okafor"), and so does a
// family name that begins with a particle ("van Dijk").
func ShortName(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return name
	}
	key := func(w string) string { return strings.ToLower(strings.TrimSuffix(w, ".")) }
	rest := words
	for len(rest) > 0 && honorifics[key(rest[0])] {
		rest = rest[1:]
	}
	switch {
	case len(rest) == 0:
		return strings.Join(words, " ") // only titles: say them as written
	case len(rest) == 1 && len(rest) < len(words):
		return strings.Join(words, " ") // a title and a family name
	case particles[key(rest[0])]:
		return strings.Join(rest, " ")
	}
	return rest[0]
}
