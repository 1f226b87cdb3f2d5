import { css } from 'lit';

export const portalStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--licheng-portal-bg, #f3f5f8);
  }
  button.skip {
    position: absolute;
    border: 2px solid var(--_primary);
    inset-inline-start: 0.5rem;
    top: -3rem;
    background: var(--_bg);
    color: var(--_primary);
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    z-index: 10;
    font-weight: 600;
  }
  button.skip:focus {
    top: 0.5rem;
  }
  header {
    background: var(--licheng-portal-header-bg, #12355b);
    color: #ffffff;
  }
  .bar {
    max-width: 80rem;
    margin: 0 auto;
    padding: 0.5rem 1.25rem;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.5rem;
  }
  .brand {
    display: flex;
    flex-direction: column;
    line-height: 1.25;
    margin-inline-end: auto;
  }
  .product {
    font-weight: 700;
    font-size: 1.0625rem;
  }
  .school {
    font-size: 0.875rem;
    opacity: 0.92;
  }
  nav ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: inline-block;
    color: #ffffff;
    text-decoration: none;
    padding: 0.375rem 0.75rem;
    border-radius: var(--_radius);
    font-weight: 600;
  }
  nav a:hover {
    background: rgb(255 255 255 / 0.14);
  }
  nav a[aria-current='page'] {
    background: #ffffff;
    color: #12355b;
  }
  .account {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5rem;
    font-size: 0.9375rem;
  }
  .account .who {
    margin-inline-end: 0.25rem;
  }
  header button {
    background: transparent;
    color: #ffffff;
    border-color: rgb(255 255 255 / 0.75);
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
  }
  header button:hover:not(:disabled) {
    background: rgb(255 255 255 / 0.14);
  }
  header :focus-visible {
    outline: 3px solid #ffd166;
    outline-offset: 2px;
  }
  main {
    max-width: 80rem;
    margin: 0 auto;
    padding: 1.25rem 1.25rem 3rem;
    outline: none;
  }
  .reminders {
    display: grid;
    gap: 0.75rem;
    margin-block-end: 1rem;
  }
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border-subtle);
    border-radius: calc(var(--_radius) * 1.5);
    padding: 1.25rem 1.5rem;
    margin-block-end: 1rem;
  }
  .card.narrow {
    max-width: 44rem;
  }
  ::slotted(*) {
    display: block;
    background: var(--_bg);
    border: 1px solid var(--_border-subtle);
    border-radius: calc(var(--_radius) * 1.5);
    padding: 1.25rem 1.5rem;
  }
  ::slotted(:empty) {
    display: none;
  }
  .offices {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.75rem;
  }
  .offices a {
    display: block;
    padding: 1rem 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_primary);
    font-weight: 700;
    font-size: 1.0625rem;
    text-decoration: none;
    background: var(--_bg);
  }
  .offices a:hover {
    background: var(--_surface);
  }
  .users {
    list-style: none;
    margin: 0 0 1.25rem;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: 0.5rem;
  }
  .users button {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
    flex-direction: column;
    align-items: flex-start;
    gap: 0;
    padding: 0.5rem 0.875rem;
  }
  .users .name {
    font-weight: 700;
  }
  .users .role-label {
    font-size: 0.875rem;
    color: var(--_muted);
  }

  @media (max-width: 40rem) {
    .bar {
      padding: 0.5rem 0.75rem;
    }
    main {
      padding: 0.75rem 0.5rem 2rem;
    }
    ::slotted(*),
    .card {
      padding: 1rem 0.875rem;
    }
  }
`;
