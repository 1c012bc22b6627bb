/* wasmc corpus driver for cmark-gfm (GitHub's CommonMark parser, unchanged): checks one known
 * rendering, then parses a generated ~200 KiB GitHub-flavoured Markdown document (tables,
 * strikethrough, autolinks, task lists, nested lists, code, entities) argv[1] times, rendering HTML
 * and CommonMark each time; prints a hash of all output. Exit 1 on a mismatch. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmark-gfm.h"
#include "cmark-gfm-core-extensions.h"

static uint64_t fnv(uint64_t h, const char *p) {
    for (; *p; p++) h = (h ^ (uint8_t)*p) * 0x100000001b3ull;
    return h;
}

static char *render(const char *md, size_t len, int commonmark) {
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES);
    const char *exts[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(exts[i]));
    cmark_parser_feed(parser, md, len);
    cmark_node *doc = cmark_parser_finish(parser);
    char *out = commonmark ? cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 72)
                           : cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
    cmark_node_free(doc);
    cmark_parser_free(parser);
    return out;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 80;
    cmark_gfm_core_extensions_ensure_registered();
    const char *known = "# T\n\n*a* ~~b~~ https://x.org\n\n| h |\n|---|\n| c |\n";
    const char *expected = "<h1>T</h1>\n<p><em>a</em> <del>b</del> <a href=\"https://x.org\">https://x.org</a></p>\n"
                           "<table>\n<thead>\n<tr>\n<th>h</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n</tr>\n"
                           "</tbody>\n</table>\n";
    char *got = render(known, strlen(known), 0);
    if (strcmp(got, expected) != 0) { printf("known rendering differs:\n%s", got); return 1; }
    free(got);

    size_t cap = 256 * 1024, len = 0;
    char *md = malloc(cap);
    uint32_t seed = 7;
    for (int i = 0; len + 1024 < cap; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned k = (seed >> 16) % 8;
        int n;
        switch (k) {
        case 0: n = snprintf(md + len, cap - len, "## Section %d: *emphasis* and **strong** `code %d`\n\n", i, i); break;
        case 1: n = snprintf(md + len, cap - len, "- item %d with [a link](http://example.com/%d \"t\")\n  - nested ~~gone~~ &amp; &copy;\n- [x] done %d\n- [ ] todo\n\n", i, i, i); break;
        case 2: n = snprintf(md + len, cap - len, "| a | b | c |\n|:--|:-:|--:|\n| %d | x*%d* | www.site%d.org |\n| \\| | `y` | z |\n\n", i, i, i); break;
        case 3: n = snprintf(md + len, cap - len, "```c\nint f%d(void) { return %d < 3 && x > 2; }\n```\n\n", i, i); break;
        case 4: n = snprintf(md + len, cap - len, "> quote %d with <b>html</b> and <script>x</script>\n> second line_%d_\n\n", i, i); break;
        case 5: n = snprintf(md + len, cap - len, "1. first %d\n2. second\n\n   para in item\n3. third[^n%d]\n\n[^n%d]: footnote %d\n\n", i, i, i, i); break;
        case 6: n = snprintf(md + len, cap - len, "Paragraph %d: lorem ipsum dolor sit amet, consectetur *adipiscing **elit*** sed do\neiusmod tempor https://auto.link/%d incididunt ut labore.\n\n", i, i); break;
        default: n = snprintf(md + len, cap - len, "Setext %d\n--------\n\n***\n\n", i); break;
        }
        len += (size_t)n;
    }
    uint64_t h = 0xcbf29ce484222325ull;
    size_t total = 0;
    for (int r = 0; r < rounds; r++) {
        md[r % len] = md[r % len] == '\n' ? '\n' : md[r % len];
        char *out = render(md, len, r % 2);
        total += strlen(out);
        h = fnv(h, out);
        free(out);
    }
    printf("cmark-gfm %s: %d rounds over %zu bytes, %zu bytes out, hash %016llx\n", cmark_version_string(), rounds,
           len, total, (unsigned long long)h);
    return 0;
}
