import type { SVGProps } from 'react';

/** A key before a screen: what enrols a computer's agent (the sign-in journal has the plain key). */
export const EnrollmentKeyIcon = (props: SVGProps<SVGSVGElement>) => (
  <svg
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.75}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
    {...props}
  >
    <rect x="9" y="3.5" width="12.5" height="9" rx="1.5" />
    <path d="M15.25 12.5v2.5M13 15h4.5" />
    <circle cx="5.5" cy="17.5" r="3" />
    <path d="M8.5 17.5h6m-2 0v2.5m-2.5-2.5v1.75" />
  </svg>
);
