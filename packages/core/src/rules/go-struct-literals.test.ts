import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

const STRUCT = 'package relay\n\ntype Mailbox struct {\n\tHost     string // where it lives\n\tUser     string\n\tPassword string `json:"password"`\n}\n\n';

describe('a Go positional composite literal', () => {
  it('reports the element at the field its struct names for a secret', () => {
    const text = `${STRUCT}var Boxes = []Mailbox{\n\t{"mx1.example.org", "relay", "Wq7#tLm2Vz9k"},\n\t{"mx2.example.org", "relay02", "Pv3!nKs8Lr5d"},\n}\n`;
    expect(values(text, 'internal/relay/boxes.go')).toEqual(['Wq7#tLm2Vz9k', 'Pv3!nKs8Lr5d']);
  });

  it('reads a single literal, a pointer to one, a map of them, and fields declared together', () => {
    expect(values(`${STRUCT}var primary = &Mailbox{"mx1.example.org", "relay", "Wq7#tLm2Vz9k"}\n`, 'boxes.go')).toEqual(['Wq7#tLm2Vz9k']);
    expect(values(`${STRUCT}var byName = map[string]Mailbox{\n\t"eu": {"mx1.example.org", "relay", "Pv3!nKs8Lr5d"},\n}\n`, 'boxes.go')).toEqual(['Pv3!nKs8Lr5d']);
    const grouped = 'type feed struct{ url, apiToken string }\n\nvar feeds = []*feed{\n\t{"https://feeds.example.org/a", "Tn4vQ8xW2mK7pR3sL9bY"},\n}\n';
    expect(values(grouped, 'feeds.go')).toEqual(['Tn4vQ8xW2mK7pR3sL9bY']);
  });

  it('reads the literal of an unnamed struct type that follows its fields, one value or a list of them', () => {
    expect(values('var panelAdmin = struct{ User, Pass string }{"admin", "Kiln-Gate-2291"}\n', 'cmd/panel/main.go')).toEqual(['Kiln-Gate-2291']);
    const list = 'var relays = []struct {\n\tHost  string\n\tToken string\n}{\n\t{"relay-a.example.org", "Rq7vL2mX9tK4wP8nZ3bY"},\n\t{"relay-b.example.org", "Hs5jN1cF6gD0aQ2eV7uT"},\n}\n';
    expect(values(list, 'relays.go')).toEqual(['Rq7vL2mX9tK4wP8nZ3bY', 'Hs5jN1cF6gD0aQ2eV7uT']);
  });

  it('leaves an unnamed struct whose fields name no secret, a stand-in, and a type with no literal after it', () => {
    expect(values('var route = struct{ Host, Queue string }{"mx1.example.org", "Wq7#tLm2Vz9k"}\n', 'main.go')).toEqual([]);
    expect(values('var panelAdmin = struct{ User, Pass string }{"admin", "changeme"}\n', 'main.go')).toEqual([]);
    expect(values('func login(c struct{ User, Pass string }) {}\nvar x = []string{"admin", "Kiln-Gate-2291"}\n', 'main.go')).toEqual([]);
  });

  it('leaves placeholders, expressions, other fields and literals whose count does not fit', () => {
    const text =
      `${STRUCT}var Boxes = []Mailbox{\n\t{"localhost", "test", "password123"},\n\t{"mx1.example.org", "relay", os.Getenv("MX_PASSWORD")},\n` +
      `\t{"mx2.example.org", "Wq7#tLm2Vz9k", cfg.Password},\n}\nvar short = Mailbox{"mx1.example.org", "Pv3!nKs8Lr5d"}\n`;
    expect(values(text, 'boxes.go')).toEqual([]);
  });

  it('says nothing of a struct whose fields are not named for a secret, nor of other languages', () => {
    const queue = 'type Route struct {\n\tHost  string\n\tUser  string\n\tQueue string\n}\n\nvar Routes = []Route{\n\t{"mx1.example.org", "relay", "Wq7#tLm2Vz9k"},\n}\n';
    expect(values(queue, 'routes.go')).toEqual([]);
    expect(values(`${STRUCT}var Boxes = []Mailbox{\n\t{"mx1.example.org", "relay", "Wq7#tLm2Vz9k"},\n}\n`, 'notes.txt')).toEqual([]);
  });
});
