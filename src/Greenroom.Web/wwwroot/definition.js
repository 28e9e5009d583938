// Highlights API definitions (progressive enhancement: without this they are plain text). highlight.js reads each
// element's text and writes back escaped, classed spans, so markup in a definition stays text.
import hljs from './lib/highlight/core.min.js';
import yaml from './lib/highlight/languages/yaml.min.js';
import json from './lib/highlight/languages/json.min.js';
import graphql from './lib/highlight/languages/graphql.min.js';
import protobuf from './lib/highlight/languages/protobuf.min.js';

const MAX_CHARS = 500000; // beyond this highlighting costs more than it helps

hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('json', json);
hljs.registerLanguage('graphql', graphql);
hljs.registerLanguage('protobuf', protobuf);
hljs.configure({ ignoreUnescapedHTML: false });

document.querySelectorAll('code[data-highlight]').forEach((element) => {
  const language = element.getAttribute('data-highlight');
  if (element.dataset.highlighted || !hljs.getLanguage(language) || element.textContent.length > MAX_CHARS) {
    return;
  }
  hljs.highlightElement(element);
});
