import { css } from 'lit';

export const fileViewerStyles = css`
  :host {
    display: contents;
  }
  .frame {
    width: 100%;
    height: min(70vh, 48rem);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  img {
    display: block;
    max-width: 100%;
    max-height: 70vh;
    margin-inline: auto;
  }
  video {
    width: 100%;
    max-height: 70vh;
  }
  audio {
    width: 100%;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block-start: 0.75rem;
  }
  a {
    color: var(--_primary);
  }
`;
