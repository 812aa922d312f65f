/**
 * Share links: plain links to each app's public share URL. No script, no embed, no request to
 * anyone until the reader chooses to share.
 */
export interface ShareLink {
  name: string;
  href: string;
}

export function shareLinks(title: string, url: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { name: "تلگرام", href: `https://t.me/share/url?url=${u}&text=${t}` },
    { name: "واتس‌اپ", href: `https://wa.me/?text=${encodeURIComponent(`${title}\n${url}`)}` },
    { name: "ایکس", href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { name: "ایمیل", href: `mailto:?subject=${t}&body=${encodeURIComponent(`${title}\n${url}`)}` },
  ];
}
