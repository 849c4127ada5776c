<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an RSS or Atom feed as a readable page in browsers that still apply XSLT.
  An enhancement only: Chromium is removing XSLT, so every feed also links to an
  HTML page of its own (the channel's /feed/ page, rel="related"), which is what the
  site links to.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:fh="http://purl.org/syndication/history/1.0">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="channel" select="/rss/channel | /atom:feed"/>
  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="about" select="$channel/atom:link[@rel='related']/@href"/>
  <xsl:variable name="self" select="$channel/atom:link[@rel='self']/@href"/>
  <xsl:variable name="current" select="$channel/atom:link[@rel='current']/@href"/>

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
          code { overflow-wrap: anywhere; }
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
          <xsl:choose>
            <xsl:when test="$channel/fh:archive">
              <p class="note">This is an archive of older items from a news feed, for feed readers that fetch a feed's whole history.
                To subscribe, copy the feed's own address into a feed reader: <a href="{$current}"><code><xsl:value-of select="$current"/></code></a>.
                <a href="{$about}">About this feed</a>.</p>
            </xsl:when>
            <xsl:otherwise>
              <p class="note">This is a news feed. To subscribe, copy its address into a feed reader: <code><xsl:value-of select="$self"/></code>.
                <a href="{$about}">About this feed</a>.</p>
            </xsl:otherwise>
          </xsl:choose>
          <ul>
            <xsl:for-each select="/rss/channel/item">
              <!-- RSS titles are HTML (the feeds write them HTML-escaped): shown as the text they stand for. -->
              <li><a href="{link}"><xsl:call-template name="html-as-text"><xsl:with-param name="html" select="title"/></xsl:call-template></a><br/><span class="date"><xsl:value-of select="pubDate"/></span></li>
            </xsl:for-each>
            <xsl:for-each select="/atom:feed/atom:entry">
              <li><a href="{atom:link[@rel='alternate']/@href}"><xsl:choose>
                <xsl:when test="atom:title/@type = 'html'"><xsl:call-template name="html-as-text"><xsl:with-param name="html" select="atom:title"/></xsl:call-template></xsl:when>
                <xsl:otherwise><xsl:value-of select="atom:title"/></xsl:otherwise>
              </xsl:choose></a><br/><span class="date"><xsl:value-of select="atom:published"/></span></li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>

  <!--
    HTML-escaped text (what the feeds write into HTML titles: only &amp;, &lt; and &gt;)
    back to plain text, written out as text: never as markup. &amp; goes last, so
    "&amp;lt;" stays "&lt;".
  -->
  <xsl:template name="html-as-text">
    <xsl:param name="html"/>
    <xsl:call-template name="replace">
      <xsl:with-param name="text">
        <xsl:call-template name="replace">
          <xsl:with-param name="text">
            <xsl:call-template name="replace">
              <xsl:with-param name="text" select="string($html)"/>
              <xsl:with-param name="from" select="'&amp;lt;'"/>
              <xsl:with-param name="to" select="'&lt;'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="from" select="'&amp;gt;'"/>
          <xsl:with-param name="to" select="'&gt;'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="from" select="'&amp;amp;'"/>
      <xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
