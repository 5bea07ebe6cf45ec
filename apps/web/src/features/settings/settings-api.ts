import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client.js';

export interface CompanyClock {
  timeZone: string;
  businessDays: number[];
  businessHoursStart: string;
  businessHoursEnd: string;
  holidays: string[];
}

export interface AutomationForm {
  inactivity: { preset: 'triplos' } | { preset: 'movidesk' } | { preset: 'custom'; reminderDays: number[]; closeAfterDays: number };
  approvalTimeout: { afterDays: number; outcome: 'close' | 'reopen' };
  sameDayRouting: { enabled: boolean; specialWindows: { start: string; end: string }[] };
}

const keys = { company: ['admin', 'company-settings'] as const, automation: ['admin', 'automation-settings'] as const };

export function useCompanyClock() {
  return useQuery({ queryKey: keys.company, queryFn: () => unwrap(api.admin['company-settings'].$get()) });
}

export function useSaveCompanyClock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: CompanyClock) => unwrap(api.admin['company-settings'].$put({ json })),
    onSuccess: (data) => queryClient.setQueryData(keys.company, data),
  });
}

export function fetchNationalHolidays(year: number) {
  return unwrap(api.admin['company-settings']['national-holidays'].$get({ query: { year: String(year) } }));
}

export function useAutomationSettings() {
  return useQuery({ queryKey: keys.automation, queryFn: () => unwrap(api.admin['automation-settings'].$get()) });
}

export function useSaveAutomationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: AutomationForm) => unwrap(api.admin['automation-settings'].$put({ json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.automation }),
  });
}

/** Who may sign in by e-mail link (issue 15). */
export interface SignInSettings {
  emailLinkForContacts: boolean;
  emailLinkForAgents: boolean;
}

const signInKey = ['admin', 'sign-in-settings'] as const;

export function useSignInSettings() {
  return useQuery({ queryKey: signInKey, queryFn: () => unwrap(api.admin['sign-in-settings'].$get()) });
}

export function useSaveSignInSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: SignInSettings) => unwrap(api.admin['sign-in-settings'].$put({ json })),
    onSuccess: (data) => {
      queryClient.setQueryData(signInKey, data);
      void queryClient.invalidateQueries({ queryKey: ['auth', 'sign-in-options'] });
    },
  });
}

export type Priority = 'urgente' | 'alta' | 'media' | 'baixa';
/** Response targets in business hours, per priority (first response from creation, next from the customer's message). */
export interface SlaSettings {
  firstResponseHours: Record<Priority, number>;
  nextResponseHours: Record<Priority, number>;
}

const slaKey = ['admin', 'sla-settings'] as const;

export function useSlaSettings() {
  return useQuery({ queryKey: slaKey, queryFn: () => unwrap(api.admin['sla-settings'].$get()) });
}

export function useSaveSlaSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: SlaSettings) => unwrap(api.admin['sla-settings'].$put({ json })),
    onSuccess: (data) => queryClient.setQueryData(slaKey, data),
  });
}
