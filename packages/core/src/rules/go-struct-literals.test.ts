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
