"""Reports for people: bilingual HTML, Markdown and PDF decisions and the law browser."""
