#!/usr/bin/env bash
# Vendor the dashboard's JS libraries from npm into tidings/web/static/vendor/ with their licenses.
# Run by a maintainer when bumping a version; the result is committed so installs need no build
# step and the dashboard needs no CDN (machines may be offline).
set -euo pipefail

CHARTJS_VERSION="${CHARTJS_VERSION:-4.6.1}"
CYTOSCAPE_VERSION="${CYTOSCAPE_VERSION:-3.35.0}"
SWAGGER_UI_VERSION="${SWAGGER_UI_VERSION:-5.35.0}"

repo="$(cd "$(dirname "$0")/.." && pwd)"
dest="$repo/tidings/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "chart.js@$CHARTJS_VERSION" "cytoscape@$CYTOSCAPE_VERSION" "swagger-ui-dist@$SWAGGER_UI_VERSION" >/dev/null
mkdir chartjs cytoscape swagger
tar -xzf "chart.js-$CHARTJS_VERSION.tgz" -C chartjs --strip-components=1
tar -xzf "cytoscape-$CYTOSCAPE_VERSION.tgz" -C cytoscape --strip-components=1
tar -xzf "swagger-ui-dist-$SWAGGER_UI_VERSION.tgz" -C swagger --strip-components=1

mkdir -p "$dest"
cp chartjs/dist/chart.umd.min.js "$dest/chart.umd.min.js"
cp chartjs/LICENSE.md "$dest/LICENSE.chart.js.md"
cp cytoscape/dist/cytoscape.min.js "$dest/cytoscape.min.js"
cp cytoscape/LICENSE "$dest/LICENSE.cytoscape.txt"
# the OpenAPI docs page (/docs) without a CDN
cp swagger/swagger-ui-bundle.js "$dest/swagger-ui-bundle.js"
cp swagger/swagger-ui.css "$dest/swagger-ui.css"
cp swagger/LICENSE "$dest/LICENSE.swagger-ui.txt"
cp swagger/NOTICE "$dest/NOTICE.swagger-ui.txt"
cp swagger/swagger-ui-bundle.js.LICENSE.txt "$dest/LICENSE.swagger-ui-bundle.third-party.txt"
cat > "$dest/VERSIONS.txt" <<VERSIONS
chart.js $CHARTJS_VERSION (MIT) https://www.chartjs.org/  dist/chart.umd.min.js
cytoscape $CYTOSCAPE_VERSION (MIT) https://js.cytoscape.org/  dist/cytoscape.min.js
swagger-ui-dist $SWAGGER_UI_VERSION (Apache-2.0) https://github.com/swagger-api/swagger-ui  swagger-ui-bundle.js, swagger-ui.css
VERSIONS
echo "vendored into $dest:"
ls -l "$dest"
