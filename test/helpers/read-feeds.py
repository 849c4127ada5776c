"""Reads RSS and Atom files as a feed reader does (Debian's python3-feedparser) and prints
what it saw as JSON: one object per file, in the order given on the command line.

It first parses the XML with expat, so an ill-formed file is reported as such rather than
forgiven. What feedparser does not report (dc:coverage, guid isPermaLink) is read from the
parsed XML.
(JSON Feeds are read by test/helpers/feeds.ts with feedsmith: feedparser 6.0 reads no JSON.)"""
import html
import json
import sys
import xml.etree.ElementTree as ElementTree

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


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


def from_xml(tree):
    """What feedparser does not report, per entry: dc:coverage, and whether an RSS guid is a
    permalink (feedparser's guidislink is false whenever the item also has a <link>)."""
    root = tree.getroot()
    if root.tag == "rss":
        items = root.findall("channel/item")
        return [{"coverage": i.findtext(DC + "coverage"), "permaLink": permalink(i.find("guid"))} for i in items]
    return [{"coverage": e.findtext(DC + "coverage"), "permaLink": None} for e in root.findall(ATOM + "entry")]


def permalink(guid):
    # RSS 2.0: isPermaLink defaults to true.
    return None if guid is None else guid.get("isPermaLink", "true") == "true"


def read_xml(path):
    try:
        tree = ElementTree.parse(path)
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
        "language": feed.feed.get("language"),
        "archive": "fh_archive" in feed.feed,
        "links": links,
        "entries": [
            {
                "id": entry.get("id"),
                "title": shown_title(entry),
                "link": entry.get("link"),
                "published": iso(entry.get("published_parsed")),
                "updated": iso(entry.get("updated_parsed")),
                "content": (entry.get("content") or [{}])[0].get("value"),
                "categories": [{"term": t.get("term"), "scheme": t.get("scheme"), "label": t.get("label")} for t in entry.get("tags", [])],
                "publisher": entry.get("publisher"),
                **extra,
            }
            for entry, extra in zip(feed.entries, from_xml(tree))
        ],
    }


print(json.dumps([read_xml(p) for p in sys.argv[1:]]))
