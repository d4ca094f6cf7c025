"""dyad.Coder against the CLI: the same events, the same CoNLL-U, the errors it promises."""

import datetime
import json
import threading

import pytest

import dyad
from conftest import NEWS, news_docs, run_cli

EVENT_KEYS = ["doc_id", "sentence", "date", "source", "target", "cameo", "root", "plover",
              "goldstein", "quad_class", "verb", "pattern", "text"]


@pytest.fixture(scope="module")
def cli_lines():
    return run_cli("code", str(NEWS), "--no-progress").splitlines()


def compact(event):
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


def test_code_batch_equals_cli_output_line_for_line(coder, cli_lines):
    events = coder.code_batch(news_docs())
    assert len(cli_lines) >= 10, "the test corpus should give events"
    assert [compact(e) for e in events] == cli_lines


def test_events_have_the_jsonl_schema(coder):
    events = coder.code("Iran and Iraq signed a border security agreement on Sunday.",
                        date="2017-07-23", doc_id="accord")
    assert events, "the accord sentence codes"
    first = events[0]
    assert list(first)[:len(EVENT_KEYS)] == EVENT_KEYS
    assert (first["doc_id"], first["date"], first["cameo"]) == ("accord", "2017-07-23", "057")
    assert {first["source"]["code"], first["target"]["code"]} == {"IRN", "IRQ"}


def test_code_equals_cli_per_document(coder, cli_lines):
    cli = [json.loads(line) for line in cli_lines]
    for doc in news_docs():
        expected = [e for e in cli if e["doc_id"] == str(doc["id"])]
        got = coder.code(doc["text"], date=doc.get("date"), doc_id=str(doc["id"]))
        assert got == expected, doc["id"]


def test_date_objects_and_missing_ids(coder):
    text = "The United States imposed new sanctions on Iran on Wednesday."
    by_str = coder.code(text, date="2020-01-08")
    by_obj = coder.code(text, date=datetime.date(2020, 1, 8))
    assert by_str and by_str == by_obj
    assert by_str[0]["doc_id"] == ""
    assert coder.code(text)[0]["date"] is None
    batch = coder.code_batch([{"text": text}, {"text": text, "id": ""}])
    assert sorted({e["doc_id"] for e in batch}) == ["0", "1"]


def test_threads_give_the_same_events_in_the_same_order(coder):
    docs = news_docs() * 3
    one = coder.code_batch(docs, threads=1)
    assert coder.code_batch(docs, threads=2) == one
    assert coder.code_batch(docs, threads=0) == one


def test_python_threads_share_one_coder(coder):
    docs = news_docs()
    expected = [coder.code(d["text"], d.get("date"), str(d["id"])) for d in docs]
    results = [None] * len(docs)

    def work(i):
        results[i] = coder.code(docs[i]["text"], docs[i].get("date"), str(docs[i]["id"]))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(docs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_parse_equals_cli(coder, tmp_path):
    text = "Iran and Iraq signed an agreement. It covers border security."
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "p1", "text": text}) + "\n", encoding="utf-8")
    conllu = coder.parse(text, doc_id="p1")
    assert conllu == run_cli("parse", str(path), "--no-progress")
    assert conllu.count("# sent_id") == 2
    assert dyad.parse(text, doc_id="p1") == conllu


def test_bad_input_raises_value_error_naming_it(coder):
    with pytest.raises(ValueError, match="bad date '2020-13-45'"):
        coder.code("Iran protested.", date="2020-13-45")
    with pytest.raises(ValueError, match="NUL"):
        coder.code("Iran\0protested.")
    with pytest.raises(ValueError, match=r"^docs\[1\]: missing \"text\""):
        coder.code_batch([{"text": "Iran protested."}, {"id": "x"}])
    with pytest.raises(TypeError):
        coder.code("Iran protested.", date=20200101)


def test_missing_files_raise_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-such-models"):
        dyad.Coder(models=str(tmp_path / "no-such-models"))
    with pytest.raises(FileNotFoundError, match="none: No such file"):
        dyad.Coder(dictionaries="dyad:" + str(tmp_path / "none"), models="")


def test_bad_dictionary_spec_raises_value_error():
    with pytest.raises(ValueError, match="expected dyad:DIR"):
        dyad.Coder(dictionaries="data/dictionaries", models="")
