//! Subjects are Markdown written by the curriculum's authors; they are rendered to
//! HTML and then sanitized, so that a subject (or a catalog someone tampered with)
//! cannot bring script, event handlers or foreign frames into a student's page.

use pulldown_cmark::{html, Options, Parser};

pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        // Links leave with no referrer and cannot reach back into our window.
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn markdown_renders_and_code_keeps_its_text() {
        let html =
            render("# Title\n\nSome `code` and\n\n```c\nint\tmain(void) { return (0); }\n```\n");
        assert!(html.contains("<h1>Title</h1>"), "{html}");
        assert!(html.contains("<code>code</code>"), "{html}");
        assert!(html.contains("int\tmain(void) { return (0); }"), "{html}");
    }

    #[test]
    fn hostile_markup_is_rendered_inert() {
        let hostile = "Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n\
                       [click](javascript:alert(3)) <iframe src=\"https://evil\"></iframe>\n\n\
                       <a href=\"https://example.org\" onclick=\"alert(4)\">ok</a>";
        let html = render(hostile);
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "<iframe",
            "onclick",
            "alert(1)",
        ] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
        assert!(html.contains("href=\"https://example.org\""), "{html}");
        assert!(html.contains("<img src=\"x\""), "{html}");
    }
}
