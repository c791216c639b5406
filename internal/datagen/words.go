package datagen

// The words the generator builds people and their history from. Names mix
// scripts and accents on purpose: matching folds case beyond ASCII, and the
// benchmarks should pay what real names cost.

var firstNames = []string{
	"Ana", "Ben", "Chloé", "Dev", "Eva", "Farid", "Grace", "Hugo", "Inès", "Jon",
	"Kira", "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara",
	"Umar", "Vera", "Wim", "Xena", "Yusuf", "Zoë", "Aiko", "Bram", "Cleo", "Dario",
	"Elif", "Finn", "Gaia", "Hana", "Ivo", "Jade", "Kofi", "Lena", "Milo", "Nina",
	"Omar", "Pia", "Rafa", "Sofia", "Theo", "Uma", "Vik", "Wren", "Yara", "Zeno",
	"Amara", "Bilal", "Carmen", "Dmitri", "Emeka", "Fatima", "Gustavo", "Helga", "Ingrid", "Jamal",
	"Keiko", "Lars", "Mateo", "Nadia", "Oskar", "Priya", "Rania", "Søren", "Tomás", "Ulla",
	"Valentina", "Wanjiru", "Ximena", "Yosef", "Zainab", "Ali", "Björn", "Chen", "Dalia", "Esther",
	"Felix", "Giulia", "Hamid", "Isla", "Jorge", "Kamala", "Leila", "Marco", "Nikos", "Orla",
	"Paolo", "Ruth", "Sven", "Tendai", "Ugo", "Vivek", "William", "Yuki", "Zara", "Aurélie",
	"Benoît", "Camille", "Diego", "Élodie", "Fernando", "Gabriel", "Hélène", "Ibrahim", "Joana", "Kateřina",
	"Łukasz", "Magdalena", "Nuno", "Olivia", "Pedro", "Rahul", "Siobhán", "Thandiwe", "Uwe", "Wei",
}

var lastNames = []string{
	"Lima", "Okafor", "Martin", "Patel", "Novak", "Haddad", "Kim", "Moreau", "Rossi", "Schmidt",
	"García", "Nakamura", "Ivanova", "Mensah", "O'Brien", "Larsen", "Costa", "Dubois", "Yilmaz", "Kowalski",
	"Andersson", "Bianchi", "Chowdhury", "Dimitrov", "Eze", "Fischer", "Gonzalez", "Horvat", "Ito", "Jensen",
	"Kaplan", "Lopez", "Müller", "Nguyen", "Ortiz", "Papadopoulos", "Quispe", "Reyes", "Sato", "Tanaka",
	"Umarov", "Vargas", "Wagner", "Xu", "Yamamoto", "Zhang", "Abbasi", "Becker", "Castro", "Diallo",
	"Evans", "Ferreira", "Gallagher", "Hansen", "Iglesias", "Jovanović", "Kaur", "Lindqvist", "Mwangi", "Nielsen",
	"Oliveira", "Petrov", "Quinn", "Ramos", "Silva", "Torres", "Uddin", "Vasquez", "Weber", "Yadav",
	"Zimmermann", "Adeyemi", "Brennan", "Cohen", "Dvořák", "Eriksson", "Fontaine", "Gupta", "Hoffmann", "Ibáñez",
	"Jaramillo", "Khan", "Le Roux", "Morales", "Nowak", "Osei", "Park", "Richter", "Santos", "Thompson",
	"Ueda", "Virtanen", "Walsh", "Yoon", "Zapata", "Achebe", "Bergström", "Carvalho", "Da Silva", "Engel",
	"Fitzgerald", "Greco", "Hernández", "Ionescu", "Jung", "Kovač", "Lambert", "Mäkinen", "Nagy", "Olsen",
	"Pereira", "Rahman", "Sánchez", "Tremblay", "Urbano", "Van Dijk", "Wójcik", "Young", "Zhou", "Ørsted",
}

var tagWords = []string{"family", "work", "school", "climbing", "book-club", "neighbours", "university", "choir"}

var places = []string{"Lisbon", "Paris", "Berlin", "the lake", "Café Rosa", "the park", "Nairobi", "Kyoto"}

// memoryTexts are things people tell you that are worth bringing back.
var memoryTexts = []string{
	"exam on Friday",
	"starting a new job",
	"moving flat",
	"mother in hospital",
	"running a half marathon",
	"job interview",
	"waiting for visa news",
	"back from the trip to Japan",
	"baby due",
	"defending the thesis",
	"wants the book I mentioned",
	"opening night of the play",
	"knee surgery",
	"dog is ill",
	"buying a house",
}

var interactionNotes = []string{
	"dinner at Rosa's",
	"caught up about work",
	"long walk",
	"talked about the kids",
	"planned the trip",
	"birthday wishes",
	"quick check-in",
	"coffee",
	"helped with the move",
	"watched the match",
}

var personNotes = []string{
	"met at university",
	"allergic to nuts",
	"prefers calls in the evening",
	"old neighbour",
	"introduced me to climbing",
}
