/* The OpenAPI docs, rendered by the vendored Swagger UI (no CDN, no inline script). */
"use strict";
(function () {
  const node = document.getElementById("swagger-ui");
  SwaggerUIBundle({ url: node.dataset.openapiUrl, dom_id: "#swagger-ui", deepLinking: true });
})();
