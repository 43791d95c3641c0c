import { Type } from 'typebox';
import {
  ChooseRegionRequest,
  ChooseUnitRequest,
  LoginCodeRequest,
  LoginCodeResent,
  LoginMethods,
  PasswordLoginRequest,
  PasswordLoginResponse,
  SetUpAccountRequest,
  SetUpAccountResponse,
  StaffUnits,
} from '../auth.schema.ts';
import { EidStartQuery } from '../return-path.ts';
import { defineRoute } from '../route.ts';
import { SessionInfo } from '../session.schema.ts';

const tags = ['login'];

/** What an OpenID provider sends the browser back with; providers may add their own parameters. */
export const ProviderAnswer = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2048 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    iss: Type.Optional(Type.String({ maxLength: 512 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { additionalProperties: Type.String({ maxLength: 2048 }) },
);

/** Every way in: e-ID (citizens and staff), password + SMS code, and the staff member's unit. */
export const authRoutes = {
  methods: defineRoute({
    method: 'GET',
    path: '/api/auth/methods',
    audience: 'public',
    summary: 'Which ways to log in this installation offers',
    tags,
    status: 200,
    response: LoginMethods,
  }),
  citizenEidStart: defineRoute({
    method: 'GET',
    path: '/api/auth/eid/start',
    audience: 'public',
    summary: 'Log in as a citizen with e-ID (redirects to the provider); returnTo: the page to open after it',
    tags,
    query: EidStartQuery,
    status: 303,
  }),
  staffEidStart: defineRoute({
    method: 'GET',
    path: '/api/auth/staff/start',
    audience: 'public',
    summary: 'Log in as staff with e-ID/SITHS (redirects to the provider)',
    tags,
    status: 303,
  }),
  eidCallback: defineRoute({
    method: 'GET',
    path: '/api/auth/eid/callback',
    audience: 'public',
    summary: 'Where the e-ID provider sends the browser back',
    tags,
    query: ProviderAnswer,
    status: 303,
  }),
  setUpAccount: defineRoute({
    method: 'POST',
    path: '/api/auth/account',
    audience: 'public',
    summary: 'Set up an account for password login (a password letter goes by post)',
    tags,
    body: SetUpAccountRequest,
    status: 200,
    response: SetUpAccountResponse,
  }),
  passwordLogin: defineRoute({
    method: 'POST',
    path: '/api/auth/password',
    audience: 'public',
    summary: 'Log in with personnummer and password; a code is sent by SMS',
    tags,
    body: PasswordLoginRequest,
    status: 200,
    response: PasswordLoginResponse,
  }),
  resendLoginCode: defineRoute({
    method: 'POST',
    path: '/api/auth/password/code/resend',
    audience: 'public',
    summary: 'Send a new code by SMS for the same login; the earlier code stops working',
    tags,
    status: 200,
    response: LoginCodeResent,
  }),
  loginCode: defineRoute({
    method: 'POST',
    path: '/api/auth/password/code',
    audience: 'public',
    summary: 'Finish the password login with the code from the SMS',
    tags,
    body: LoginCodeRequest,
    status: 200,
    response: SessionInfo,
  }),
  staffUnits: defineRoute({
    method: 'GET',
    path: '/api/auth/units',
    audience: 'staff',
    summary: 'The units the logged-in staff member may work at',
    tags,
    status: 200,
    response: StaffUnits,
  }),
  chooseStaffUnit: defineRoute({
    method: 'POST',
    path: '/api/auth/unit',
    audience: 'staff',
    summary: 'Choose or switch the unit to work at (the session is renewed: use the new CSRF token)',
    tags,
    body: ChooseUnitRequest,
    status: 200,
    response: SessionInfo,
  }),
  chooseStaffRegion: defineRoute({
    method: 'POST',
    path: '/api/auth/region',
    audience: 'staff',
    summary: 'Choose to work as regional administrator (the session is renewed: use the new CSRF token)',
    tags,
    body: ChooseRegionRequest,
    status: 200,
    response: SessionInfo,
  }),
  chooseStaffInstallation: defineRoute({
    method: 'POST',
    path: '/api/auth/installation',
    audience: 'staff',
    summary:
      'Go back to working over the whole installation (its statistics), with the installation-administrator role ' +
      '(the session is renewed: use the new CSRF token)',
    tags,
    status: 200,
    response: SessionInfo,
  }),
} as const;
