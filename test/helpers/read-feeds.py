"""Reads feed files as a feed reader does (Debian's python3-feedparser) and prints what it
saw as JSON: one object per file, in the order given on the command line.

For RSS and Atom it first parses the XML with expat, so an ill-formed file is reported as
such rather than forgiven; JSON Feeds are read with the json module."""
import html
import json
import sys
import xml.etree.ElementTree as ElementTree

import feedparser


def iso(parsed):
    if not parsed:
        return None
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % tuple(parsed[:6])


def shown_title(entry):
    """The title as a reader shows it: feedparser hands over HTML titles as HTML."""
    title = entry.get("title")
    if title is not None and entry.get("title_detail", {}).get("type") == "text/html":
        return html.unescape(title)
    return title


def read_xml(path):
    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as error:
        return {"path": path, "wellFormed": False, "error": str(error)}
    feed = feedparser.parse(path)
    links = {link.get("rel"): link.get("href") for link in feed.feed.get("links", [])}
    return {
        "path": path,
        "wellFormed": True,
        "bozo": bool(feed.bozo),
        "bozoException": str(feed.get("bozo_exception", "")),
        "version": feed.version,
        "title": feed.feed.get("title"),
        "links": links,
        "archive": "fh_archive" in feed.feed or any(k.endswith("archive") for k in feed.feed.keys() if k.startswith("fh")),
        "entries": [
            {
                "id": entry.get("id"),
                "title": shown_title(entry),
                "link": entry.get("link"),
                "published": iso(entry.get("published_parsed")),
                "updated": iso(entry.get("updated_parsed")),
                "content": (entry.get("content") or [{}])[0].get("value"),
            }
            for entry in feed.entries
        ],
    }


def read_json(path):
    with open(path, encoding="utf-8") as handle:
        feed = json.load(handle)
    return {
        "path": path,
        "wellFormed": True,
        "bozo": False,
        "version": feed.get("version"),
        "title": feed.get("title"),
        "links": {"self": feed.get("feed_url"), "next": feed.get("next_url")},
        "entries": [
            {
                "id": item.get("id"),
                "title": item.get("title"),
                "link": item.get("external_url") or item.get("url"),
                "published": item.get("date_published"),
                "updated": item.get("date_modified") or item.get("date_published"),
                "content": item.get("content_html"),
            }
            for item in feed.get("items", [])
        ],
    }


print(json.dumps([read_json(p) if p.endswith(".json") else read_xml(p) for p in sys.argv[1:]]))
