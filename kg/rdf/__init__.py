"""Records to RDF: the vocabularies, stable IRIs, N-Triples lines of every fact with its source span, Turtle, SHACL."""
