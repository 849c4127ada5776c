<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an RSS or Atom feed as a readable page in browsers that still apply XSLT.
  An enhancement only: Chromium is removing XSLT, so every feed also points to an
  HTML page of its own (the channel's /feed/ page), which is what the site links to.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>

  <xsl:template match="/">
    <html lang="en-GB">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Feed: <xsl:value-of select="$title"/></title>
        <style>
          body { font-family: system-ui, sans-serif; line-height: 1.5; color: #212b32; max-width: 48rem; margin: 0 auto; padding: 1rem; }
          .note { background: #fff9c4; border-left: 6px solid #ffeb3b; padding: 0.75rem 1rem; }
          a { color: #005eb8; } li { margin-bottom: 0.75rem; } .date { color: #4c6272; }
        </style>
      </head>
      <body>
        <main>
          <p class="note">This is a news feed. Copy this page's address into a feed reader to subscribe.
            <a href="{$home}feed/">About this feed</a>.</p>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
          <ul>
            <xsl:for-each select="/rss/channel/item">
              <li><a href="{link}"><xsl:value-of select="title"/></a><br/><span class="date"><xsl:value-of select="pubDate"/></span></li>
            </xsl:for-each>
            <xsl:for-each select="/atom:feed/atom:entry">
              <li><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a><br/><span class="date"><xsl:value-of select="atom:published"/></span></li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
