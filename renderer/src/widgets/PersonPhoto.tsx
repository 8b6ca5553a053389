// The person's 登记照片 (on the person page and the printed form), checked by the station against
// the SHA-256 on the record, and the hash of the ID card's photo as read when there is one.
import { PHOTO_TEXT } from '../../../common/idCardText.js';
import type { PersonDetail } from '../../../common/views.js';
import { useQuery } from '../station/useQuery.js';

/** Whether the record names any photo of the person (only then is the station asked). */
export const hasPhotos = (p: PersonDetail): boolean => Boolean(p.details.photoSha256 || p.details.cardPhotoSha256);

export function PersonPhoto({ person, className }: { readonly person: PersonDetail; readonly className?: string }) {
  const { data } = useQuery('personPhoto', { id: person.summary.id });
  if (!data) return null;
  return (
    <figure className={`person-photos${className ? ` ${className}` : ''}`} data-person-photos>
      {data.photo && (
        <img className="person-photo" src={data.photo.dataUrl} alt={PHOTO_TEXT.alt(person.summary.name)} data-photo-sha={data.photo.sha256} />
      )}
      <figcaption className="muted">
        {data.photo && !data.photo.intact && <span className="hint-bad" data-photo-not-intact>{PHOTO_TEXT.notIntact}</span>}
        {data.cardPhoto && <span className="mono" data-card-photo={data.cardPhoto.sha256}>{PHOTO_TEXT.cardPhoto(data.cardPhoto.sha256, data.cardPhoto.intact)}</span>}
      </figcaption>
    </figure>
  );
}
