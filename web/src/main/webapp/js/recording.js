// A call's recording in an <audio>. The element cannot send an Authorization header, so the file is fetched with
// the credentials as a Blob and played from its blob: URL (which also seeks). One recording is loaded at a time:
// loading another, or release(), frees the memory the previous one held.
import { getBlob } from './api.js';

let current = null;

/** Frees the recording loaded last (when its screen closes it or another is opened). */
export function release() {
  if (current) URL.revokeObjectURL(current);
  current = null;
}

/**
 * Loads call callId's recording into audio; answers false (and keeps nothing) when the audio element has left the
 * page while the file was coming, e.g. because another call was opened meanwhile. Rejects with the ApiError.
 */
export async function loadRecording(audio, callId) {
  const blob = await getBlob(`/api/calls/${encodeURIComponent(callId)}/recording`);
  if (!audio.isConnected) return false;
  release();
  current = URL.createObjectURL(blob);
  audio.src = current;
  return true;
}
