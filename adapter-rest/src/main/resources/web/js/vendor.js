// The page's two libraries, served from their WebJars inside the jar (the versions are those of
// adapter-rest's pom.xml): marked turns Markdown into HTML, DOMPurify strips from that HTML
// whatever could run code or load something.

export {Marked} from '/webjars/marked/15.0.12/lib/marked.esm.js';
export {default as DOMPurify} from '/webjars/dompurify/3.2.6/dist/purify.es.mjs';
