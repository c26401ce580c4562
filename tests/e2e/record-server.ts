/**
 * A local imitation of a web patient-record system for the hand-off tests: a plain textarea,
 * a single-line input, a contenteditable editor, a React-controlled textarea, a canvas (a
 * remote-desktop view), a same-origin iframe and a cross-origin iframe served by a second
 * server on another port and host name (localhost instead of 127.0.0.1). Both listen on port 0.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';

export interface RecordServers {
  /** The record page, http://127.0.0.1:<port>/ */
  url: string;
  /** The other origin, http://localhost:<port2>/ */
  otherOrigin: string;
  close(): Promise<void>;
}

const FRAME = (label: string) => `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>${label}</title></head>
<body><label>${label} <textarea id="inner" rows="4" cols="60"></textarea></label></body></html>`;

function page(otherOrigin: string): string {
  return `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Potilaskertomus (testi)</title>
<style>body{font-family:sans-serif;margin:12px} textarea,[contenteditable],input,canvas{display:block;margin:4px 0 12px;border:1px solid #444} [contenteditable]{min-height:60px;padding:4px} iframe{width:600px;height:110px}</style></head>
<body>
<h1>Potilaskertomus (testi)</h1>
<label>Tekstikenttä <textarea id="plain" rows="6" cols="80"></textarea></label>
<label>Yksirivinen <input id="single" type="text" size="60"></label>
<div id="editor" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Editori"></div>
<div id="react-root"></div>
<canvas id="canvas" width="300" height="60" tabindex="0" aria-label="Etätyöpöytä"></canvas>
<iframe id="same" title="Sama alkuperä" src="/frame"></iframe>
<iframe id="cross" title="Eri alkuperä" src="${otherOrigin}frame"></iframe>
<script src="/react-field.js"></script>
</body></html>`;
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as { port: number }).port)));
}

export async function startRecordServers(): Promise<RecordServers> {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, 'record-page/react-field.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const other = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(FRAME(`Toinen järjestelmä (${request.url})`));
  });
  const otherPort = await listen(other, '127.0.0.1');
  const otherOrigin = `http://localhost:${otherPort}/`;
  const main = createServer((request, response) => {
    if (request.url === '/react-field.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
    } else if (request.url === '/frame') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(FRAME('Sama alkuperä'));
    } else {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(otherOrigin));
    }
  });
  const port = await listen(main, '127.0.0.1');
  const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    url: `http://127.0.0.1:${port}/`,
    otherOrigin,
    close: async () => {
      main.closeAllConnections();
      other.closeAllConnections();
      await Promise.all([close(main), close(other)]);
    },
  };
}
