/**
 * The baseline for `npm run bench`: plain Eleventy 3 set up as its documentation
 * suggests for the same Markdown our build reads. One Nunjucks layout, a paginated
 * index (20 a page, newest first) and one Atom feed of the latest 20 items from
 * @11ty/eleventy-plugin-rss. Front matter is left as it is, so `tags` become
 * collections and `date` becomes page.date, as they would for a real user.
 *
 * The corpus is the input folder (`--input`), so the layout and the index cannot sit
 * in it: they are read from this folder and added as virtual templates.
 */
import { readFileSync } from "node:fs";
import { feedPlugin } from "@11ty/eleventy-plugin-rss";

/** Reads a template that lives beside this file. */
function readTemplate(name) {
  return readFileSync(new URL(name, import.meta.url), "utf8");
}

export default function (eleventyConfig) {
  // The corpus lives in bench/corpus/, which .gitignore lists and Eleventy would skip.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addTemplate("_includes/layout.njk", readTemplate("_includes/layout.njk"));
  eleventyConfig.addTemplate("index.njk", readTemplate("index.njk"));
  eleventyConfig.addGlobalData("layout", "layout.njk");

  // Every Markdown file is an item; the index and the feed are Nunjucks.
  // By extension rather than a glob: Eleventy gives an input folder outside the project
  // (the bench works in /dev/shm) as a path relative to it, "../../dev/shm/...", which "**/*.md" does not match; sorted by date, as getFilteredByGlob would.
  eleventyConfig.addCollection("items", (collectionApi) => collectionApi.getAll().filter((item) => item.inputPath.endsWith(".md")).sort((a, b) => a.date - b.date));
  eleventyConfig.addPlugin(feedPlugin, {
    type: "atom",
    outputPath: "/feed.xml",
    collection: { name: "items", limit: 20 },
    metadata: {
      language: "en-GB",
      title: "3ML News (baseline)",
      subtitle: "The benchmark corpus, built by plain Eleventy.",
      base: "https://news.3millionlives.co.uk/",
      author: { name: "3ML News" },
    },
  });

  // Our build copies content/files/ too, so both builds write the attachment.
  eleventyConfig.addPassthroughCopy({ [`${eleventyConfig.directories.input}files`]: "files" });
  // Our build is quiet as well: a line per file would time the terminal, not Eleventy.
  eleventyConfig.setQuietMode(true);
}
