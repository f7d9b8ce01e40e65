// Rendering of chat bubbles for the phone page. Everything the bot sends is
// untrusted: text only ever reaches the DOM through text nodes, never as HTML.

/** Create an element; `attrs.text` sets textContent, `attrs.testid` sets data-testid. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else if (k === 'testid') node.dataset.testid = v;
    else if (k === 'class') node.className = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else if (k.startsWith('data-')) node.setAttribute(k, String(v));
    else node[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

// Simple line icons (drawn here; the page loads nothing from elsewhere).
const ICONS = {
  pin: 'M12 21s-6.5-6.6-6.5-11.5a6.5 6.5 0 0 1 13 0C18.5 14.4 12 21 12 21zM12 7.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  list: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15.5 8.5h.01',
  video: 'M3 6h12v12H3zM15 10l6-3v10l-6-3',
  audio: 'M12 3a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  document: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
  sticker: 'M12 3a9 9 0 1 0 9 9M9 10h.01M15 10h.01M8.5 14.5a4 4 0 0 0 7 0',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  contact: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  forward: 'M14 5l6 6-6 6M20 11H9a5 5 0 0 0-5 5v3',
};

export function icon(name, size = 18) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('ico');
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', ICONS[name] ?? ICONS.document);
  for (const [k, v] of Object.entries({ fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })) {
    path.setAttribute(k, v);
  }
  svg.append(path);
  return svg;
}

// WhatsApp formatting: *bold*, _italic_, ~strike~, ```mono```. A marker must
// touch a non-space on its inner side and not sit inside a word.
const FORMAT = /```([\s\S]+?)```|(^|[^\p{L}\p{N}])([*_~])(?=\S)([^\n]*?\S)\3(?![\p{L}\p{N}])/u;
const TAGS = { '*': 'b', _: 'i', '~': 's' };

export function formatInto(parent, text) {
  let rest = String(text ?? '');
  while (rest) {
    const m = FORMAT.exec(rest);
    if (!m) {
      parent.append(rest);
      break;
    }
    if (m[1] !== undefined) {
      parent.append(rest.slice(0, m.index), el('code', { text: m[1] }));
    } else {
      parent.append(rest.slice(0, m.index) + m[2]);
      const node = document.createElement(TAGS[m[3]]);
      formatInto(node, m[4]);
      parent.append(node);
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return parent;
}

export function formattedText(text, testid) {
  return formatInto(el('div', { class: 'text', testid }), text);
}

export function timeOf(ms) {
  return new Date(ms).toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit' });
}

function ticks(entry) {
  const marks = entry.status === 'sent' ? '✓' : '✓✓';
  const span = el('span', { class: 'ticks', testid: 'ticks', text: marks, 'data-status': entry.status, title: entry.status });
  const frag = document.createDocumentFragment();
  if (entry.botStatus !== null && entry.botStatus !== 200) {
    const why = entry.botStatus === 0 ? 'bot tidak menjawab' : `bot menjawab HTTP ${entry.botStatus}`;
    frag.append(el('span', { class: 'warn', testid: 'bot-error', text: '!', title: `${why} (percobaan ${entry.attempts})` }));
  }
  frag.append(span);
  return frag;
}

function metaLine(entry) {
  return el('span', { class: 'meta-line' }, timeOf(entry.time), entry.from === 'citizen' ? ticks(entry) : null);
}

function quoteOf(ctx, id) {
  const target = id ? ctx.entries.get(id) : undefined;
  if (!target) return null;
  const who = target.from === 'bot' ? ctx.botName : 'Anda';
  return el('div', { class: 'quote', testid: 'quote' }, el('b', { text: who }), formatInto(el('span', { class: 'quote-text' }), ctx.preview(target)));
}

function mediaBox(kind, media) {
  const label = { image: 'Foto', video: 'Video', audio: 'Pesan suara', document: 'Dokumen', sticker: 'Stiker' }[kind] ?? kind;
  const box = el('div', { class: 'media-box', testid: `media-${kind}` }, icon(kind, 40), el('span', { text: label }));
  const parts = [box];
  if (media?.link) parts.push(el('div', { class: 'muted', text: media.link }));
  if (media?.filename) parts.push(el('div', { class: 'muted', text: media.filename }));
  if (media?.caption) parts.push(formattedText(media.caption, 'caption'));
  return parts;
}

function locationCard(loc) {
  const coords = `${Number(loc.latitude).toFixed(5)}, ${Number(loc.longitude).toFixed(5)}`;
  return el(
    'div',
    { class: 'card', testid: 'location-card' },
    el('span', { class: 'pin' }, icon('pin', 28)),
    el('div', {}, el('span', { text: loc.name || 'Lokasi' }), loc.address ? el('small', { text: loc.address }) : null, el('small', { text: coords }))
  );
}

function interactiveParts(ia) {
  const parts = [];
  const h = ia.header;
  if (h?.type === 'text') parts.push(el('div', { class: 'header-text', testid: 'header', text: h.text }));
  else if (h?.type) parts.push(...mediaBox(h.type, h[h.type]));
  if (ia.body?.text) parts.push(formattedText(ia.body.text, 'bubble-text'));
  if (ia.footer?.text) parts.push(el('div', { class: 'footer-text', testid: 'footer', text: ia.footer.text }));
  return parts;
}

/** The bubble content and the tappable actions of a bot message. */
function botParts(entry, ctx) {
  const b = entry.body;
  const parts = [];
  const actions = [];
  if (b.type === 'text' || (!b.type && b.text)) parts.push(formattedText(b.text?.body, 'bubble-text'));
  else if (b.type === 'interactive') {
    const ia = b.interactive ?? {};
    parts.push(...interactiveParts(ia));
    if (ia.type === 'button') {
      for (const btn of ia.action?.buttons ?? []) {
        const reply = btn.reply ?? {};
        actions.push(
          el('button', {
            class: 'reply-button',
            testid: 'reply-button',
            text: reply.title,
            on: { click: () => ctx.send({ type: 'button_reply', id: reply.id, title: reply.title, contextId: entry.wamid }) },
          })
        );
      }
    } else if (ia.type === 'list') {
      parts.push(el('button', { class: 'list-open', testid: 'list-open', on: { click: () => ctx.openList(entry) } }, icon('list'), el('span', { text: ia.action?.button ?? 'Menu' })));
    } else if (ia.type === 'location_request_message') {
      parts.push(el('button', { class: 'loc-request', testid: 'location-request', on: { click: () => ctx.openLocations() } }, icon('pin'), el('span', { text: 'Kirim lokasi' })));
    } else if (ia.type === 'cta_url') {
      const p = ia.action?.parameters ?? {};
      parts.push(el('div', { class: 'cta', testid: 'cta-url', title: p.url ?? '' }, icon('link'), el('span', { text: p.display_text ?? '' })));
    }
  } else if (b.type === 'location') parts.push(locationCard(b.location ?? {}));
  else if (['image', 'video', 'audio', 'document', 'sticker'].includes(b.type)) parts.push(...mediaBox(b.type, b[b.type]));
  else if (b.type === 'template') {
    const t = b.template ?? {};
    parts.push(el('div', { class: 'template-tag', testid: 'template', text: `Template · ${t.name} · ${t.language?.code ?? ''}` }));
    for (const c of t.components ?? []) {
      if (c.type === 'button') {
        for (const p of c.parameters ?? []) {
          if (p.type !== 'payload') continue;
          actions.push(
            el('button', {
              class: 'reply-button',
              testid: 'reply-button',
              text: p.payload,
              on: { click: () => ctx.send({ type: 'button', payload: p.payload, text: p.payload, contextId: entry.wamid }) },
            })
          );
        }
        continue;
      }
      const values = (c.parameters ?? []).map(p => p.text ?? p.type).join(' · ');
      if (values) parts.push(el('div', { class: 'text', testid: `template-${c.type}`, text: values }));
    }
  } else if (b.type === 'contacts') {
    for (const c of b.contacts ?? []) parts.push(el('div', { class: 'card' }, icon('contact', 24), el('span', { text: c.name?.formatted_name ?? '' })));
  } else parts.push(el('div', { class: 'muted', text: `[${b.type}]` }));
  return { parts, actions };
}

function citizenParts(entry, ctx) {
  const m = entry.message;
  const parts = [];
  if (m.context?.frequently_forwarded) parts.push(el('div', { class: 'forwarded', testid: 'forwarded' }, icon('forward', 14), icon('forward', 14), el('span', { text: 'Sering diteruskan' })));
  else if (m.context?.forwarded) parts.push(el('div', { class: 'forwarded', testid: 'forwarded' }, icon('forward', 14), el('span', { text: 'Diteruskan' })));
  parts.push(quoteOf(ctx, m.context?.id));
  if (m.text) parts.push(formattedText(m.text.body, 'bubble-text'));
  else if (m.interactive?.type === 'list_reply') {
    const r = m.interactive.list_reply;
    parts.push(el('div', { class: 'text', testid: 'bubble-text', text: r.title }), r.description ? el('div', { class: 'footer-text', text: r.description }) : null);
  } else if (m.interactive?.type === 'button_reply') parts.push(el('div', { class: 'text', testid: 'bubble-text', text: m.interactive.button_reply.title }));
  else if (m.button) parts.push(el('div', { class: 'text', testid: 'bubble-text', text: m.button.text }));
  else if (m.location) parts.push(locationCard(m.location));
  else if (m[m.type]?.mime_type) parts.push(...mediaBox(m.type, m[m.type]));
  else if (m.reaction) parts.push(el('div', { class: 'text', text: m.reaction.emoji ? `Reaksi ${m.reaction.emoji}` : 'Reaksi dihapus' }));
  else parts.push(el('div', { class: 'muted', text: `[${m.type}]` }));
  return parts;
}

/** One chat row: the bubble, plus reply buttons under a bot's bubble. */
export function renderEntry(entry, ctx) {
  if (entry.from === 'bot' && entry.body?.type === 'reaction') {
    const r = entry.body.reaction ?? {};
    return el('div', { class: 'reaction-note', testid: 'reaction', 'data-wamid': entry.wamid, text: `${ctx.botName} bereaksi ${r.emoji ?? ''}` });
  }
  const mine = entry.from === 'citizen';
  const { parts, actions } = mine ? { parts: citizenParts(entry, ctx), actions: [] } : botParts(entry, ctx);
  if (!mine) parts.unshift(quoteOf(ctx, entry.body?.context?.message_id));
  const bubble = el('div', { class: 'bubble', testid: mine ? 'bubble-out' : 'bubble-in', 'data-type': entry.type }, ...parts);
  // the time sits inside the last text line, like WhatsApp's
  const textParts = bubble.querySelectorAll('.text');
  const host = textParts.length ? textParts[textParts.length - 1] : bubble;
  host.append(metaLine(entry));
  const row = el('div', { class: `row ${mine ? 'out' : 'in'}${actions.length ? ' has-actions' : ''}`, 'data-wamid': entry.wamid }, bubble);
  if (actions.length) row.append(el('div', { class: 'actions' }, ...actions));
  return row;
}
