// A call's recording in an <audio>. The file is fetched with the session (and the page's error handling) as a Blob
// and played from its blob: URL (which also seeks). One recording is loaded at a time:
// loading another, or release(), frees the memory the previous one held. The bytes are also hashed in the browser
// and compared with the SHA-256 the server claims for them (its X-Recording-SHA256 header or the call's field).
import { fetchBlob } from './api.js';

let current = null;

/** Frees the recording loaded last (when its screen closes it or another is opened). */
export function release() {
  if (current) URL.revokeObjectURL(current);
  current = null;
}

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** {claimed, computed, matches} for a blob, or null where nothing is claimed or the browser cannot hash (no https). */
async function check(blob, claimed) {
  if (!claimed || !globalThis.crypto?.subtle) return null;
  const computed = hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return { claimed, computed, matches: computed === claimed.toLowerCase() };
}

/**
 * Loads call callId's recording into audio; answers false (and keeps nothing) when the audio element has left the
 * page while the file was coming, e.g. because another call was opened meanwhile. Rejects with the ApiError.
 * onChecked, when given, gets what check() found once the bytes are hashed (not when nothing is claimed).
 */
export async function loadRecording(audio, callId, { claimed, onChecked } = {}) {
  const { blob, headers } = await fetchBlob(`/api/calls/${encodeURIComponent(callId)}/recording`);
  if (!audio.isConnected) return false;
  release();
  current = URL.createObjectURL(blob);
  audio.src = current;
  const sha = headers.get('X-Recording-SHA256') || claimed;
  if (onChecked && sha) {
    check(blob, sha).then((result) => { if (result && audio.isConnected) onChecked(result); }).catch(() => {});
  }
  return true;
}
