'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { LOGO_ACCEPT, LOGO_LIMITS_TEXT, logoFileProblem, type LogoMeta } from '@/lib/firm/schema';
import { changeFirmLogo } from '@/lib/queries/firm';
import { ConfirmButton } from '../ui/confirm-button';
import styles from './firm-logo.module.css';

type Outcome = { ok: boolean; message: string } | null;

/**
 * The firm's logo: the stored one, a file to replace it with (previewed before it is sent, and refused here
 * already when its type or size cannot pass), and its removal after a confirmation. The server checks the whole
 * file again (lib/firm/logo.ts) and its reason is shown as it gives it.
 */
export function FirmLogoForm({ logo }: { logo: LogoMeta | null }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!preview) return;
    return () => URL.revokeObjectURL(preview);
  }, [preview]);

  const choose = (chosen: File | null) => {
    const problem = chosen && logoFileProblem(chosen.type, chosen.size);
    setFile(chosen && !problem ? chosen : null);
    setPreview(chosen && !problem ? URL.createObjectURL(chosen) : null);
    setOutcome(problem ? { ok: false, message: problem } : null);
  };

  const send = async (event: FormEvent<HTMLFormElement>, upload: File | null) => {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    const result = await changeFirmLogo(upload);
    setPending(false);
    if (!result.ok) return setOutcome({ ok: false, message: result.message });
    form.reset();
    choose(null);
    setOutcome({ ok: true, message: upload ? 'The logo is saved.' : 'The logo is removed.' });
    router.refresh();
  };

  return (
    <div className="form">
      {logo ? (
        <figure className={styles.figure}>
          {/* The image is served by our own API (img-src 'self'); next/image would only add a resizing round trip. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img className={styles.preview} src={logo.url} alt="The firm's logo" width={logo.width} height={logo.height} />
          <figcaption className="hint">
            {logo.mime === 'image/png' ? 'PNG' : 'JPEG'}, {logo.width.toLocaleString('en-US')} ×{' '}
            {logo.height.toLocaleString('en-US')} pixels, {Math.ceil(logo.size / 1024).toLocaleString('en-US')} KB
          </figcaption>
        </figure>
      ) : (
        <p className="muted">No logo yet.</p>
      )}

      <form className="form" aria-label="Upload a logo" onSubmit={(e) => void send(e, file)}>
        <div className="field">
          <label htmlFor="firm-logo">{logo ? 'Replace the logo' : 'Logo file'}</label>
          <input
            id="firm-logo"
            name="logo"
            type="file"
            accept={LOGO_ACCEPT}
            aria-describedby="firm-logo-hint"
            aria-invalid={outcome && !outcome.ok ? true : undefined}
            onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
          />
          <span id="firm-logo-hint" className="hint">
            {LOGO_LIMITS_TEXT}. SVG is not accepted.
          </span>
        </div>
        {preview && (
          // eslint-disable-next-line @next/next/no-img-element
          <img className={styles.preview} src={preview} alt="Preview of the chosen logo" />
        )}
        <div>
          <button type="submit" className="btn btn-primary" disabled={pending || !file}>
            {pending && file ? 'Uploading…' : 'Upload logo'}
          </button>
        </div>
      </form>

      {outcome && (
        <p className={`message ${outcome.ok ? 'message-ok' : 'message-error'}`} role="status" aria-live="polite">
          {outcome.message}
        </p>
      )}

      {logo && (
        <form aria-label="Remove the logo" onSubmit={(e) => void send(e, null)}>
          <ConfirmButton label="Remove logo" confirmLabel="Remove the logo from exports" pending={pending} />
        </form>
      )}
    </div>
  );
}
