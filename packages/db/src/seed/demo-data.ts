import { addDays, createdEvent, DAY_MS, DEFAULT_PORTAL_POLICY, dueAtOfDay, dueDateRuleOf, localDateOf, type TicketStatus } from '@atende/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { DEFAULT_COMPANY_SETTINGS } from '../queries/settings.js';
import { writeTransaction } from '../client.js';
import { agentDepartments, agents, companies, contacts, departments, messages, ratings, subjects, ticketEvents, tickets } from '../schema.js';

export const DEMO_PASSWORD = 'demo-senha-123';

export const DEMO_ACCOUNTS = {
  contact: 'cliente@example.com',
  otherContact: 'outro.cliente@example.com',
  agent: 'agente@example.com',
  otherAgent: 'agente2@example.com',
  admin: 'admin@example.com',
} as const;

const HOUR = 60 * 60 * 1000;

interface DemoTicket {
  subject: string;
  status: TicketStatus;
  contact: 1 | 2;
  department: 'suporte' | 'financeiro' | 'instalacao';
  ageHours: number;
  priority?: 'baixa' | 'media' | 'alta' | 'urgente';
  rated?: boolean;
  /** Due date in days from today (company zone); statuses with a due-date rule default to a week. */
  dueInDays?: number;
}

// A spread over every status and both contacts, so each tab of the panel has content.
const DEMO_TICKETS: DemoTicket[] = [
  { subject: 'Internet caindo à noite', status: 'waiting_customer', contact: 1, department: 'suporte', ageHours: 30 },
  { subject: 'Roteador reiniciando sozinho', status: 'waiting_customer', contact: 1, department: 'suporte', ageHours: 52 },
  { subject: 'Confirmar endereço de instalação', status: 'waiting_customer', contact: 1, department: 'instalacao', ageHours: 75 },
  { subject: 'Boleto de novembro não chegou', status: 'new', contact: 1, department: 'financeiro', ageHours: 2 },
  { subject: 'Catraca travada aberta na recepção', status: 'open', contact: 1, department: 'suporte', ageHours: 5, priority: 'urgente' },
  { subject: 'Como exportar o relatório de acessos', status: 'open', contact: 1, department: 'suporte', ageHours: 20, priority: 'baixa' },
  { subject: 'Segunda via da nota fiscal', status: 'pending', contact: 1, department: 'financeiro', ageHours: 44 },
  { subject: 'Visita técnica para troca de cabo', status: 'onsite_visit', contact: 1, department: 'instalacao', ageHours: 60 },
  { subject: 'Lentidão no Wi-Fi do escritório', status: 'resolved', contact: 1, department: 'suporte', ageHours: 26 },
  { subject: 'Cobrança em duplicidade', status: 'resolved', contact: 1, department: 'financeiro', ageHours: 50 },
  { subject: 'Mudança de plano para 500 mega', status: 'closed', contact: 1, department: 'financeiro', ageHours: 80 },
  { subject: 'Senha do Wi-Fi esquecida', status: 'closed', contact: 1, department: 'suporte', ageHours: 100 },
  { subject: 'Atualização do firmware da esteira', status: 'closed', contact: 1, department: 'suporte', ageHours: 200, rated: true },
  { subject: 'Desconto por indisponibilidade', status: 'closed', contact: 1, department: 'financeiro', ageHours: 300, rated: true },
  { subject: 'Instalação de ponto adicional', status: 'new', contact: 1, department: 'instalacao', ageHours: 1 },
  { subject: 'Sinal fraco no andar de cima', status: 'open', contact: 1, department: 'suporte', ageHours: 10 },
  { subject: 'Alterar data de vencimento', status: 'pending', contact: 1, department: 'financeiro', ageHours: 90 },
  { subject: 'Leitor biométrico não reconhece digitais', status: 'waiting_customer', contact: 1, department: 'suporte', ageHours: 110 },
  { subject: 'Contrato para assinatura digital', status: 'resolved', contact: 1, department: 'financeiro', ageHours: 120 },
  { subject: 'Cabo rompido na rua', status: 'closed', contact: 1, department: 'instalacao', ageHours: 140 },
  { subject: 'Troca de senha do painel administrativo', status: 'closed', contact: 1, department: 'suporte', ageHours: 400, rated: true },
  { subject: 'Câmera da portaria sem imagem', status: 'open', contact: 1, department: 'suporte', ageHours: 8, priority: 'alta' },
  { subject: 'Reembolso de taxa de instalação', status: 'pending', contact: 1, department: 'financeiro', ageHours: 130 },
  { subject: 'Sem conexão desde ontem', status: 'open', contact: 2, department: 'suporte', ageHours: 3, priority: 'alta' },
  { subject: 'Fatura com valor errado', status: 'waiting_customer', contact: 2, department: 'financeiro', ageHours: 28, dueInDays: 0 },
  { subject: 'Agendar instalação na filial', status: 'onsite_visit', contact: 2, department: 'instalacao', ageHours: 40, dueInDays: 0 },
  { subject: 'IP fixo para câmeras', status: 'resolved', contact: 2, department: 'suporte', ageHours: 55 },
  { subject: 'Cancelamento de serviço adicional', status: 'closed', contact: 2, department: 'financeiro', ageHours: 70 },
  { subject: 'Troca de titularidade', status: 'pending', contact: 2, department: 'financeiro', ageHours: 85, dueInDays: -1 },
  { subject: 'Queda de energia danificou a ONU', status: 'new', contact: 2, department: 'suporte', ageHours: 4 },
  { subject: 'Porta 8080 bloqueada', status: 'closed', contact: 2, department: 'suporte', ageHours: 260, rated: true },
  { subject: 'Atualizar e-mail de cobrança', status: 'waiting_customer', contact: 2, department: 'financeiro', ageHours: 65 },
  { subject: 'Velocidade abaixo do contratado', status: 'resolved', contact: 2, department: 'suporte', ageHours: 33 },
  { subject: 'Relatório de uso mensal', status: 'closed', contact: 2, department: 'suporte', ageHours: 150 },
  { subject: 'Reativar linha suspensa', status: 'open', contact: 2, department: 'financeiro', ageHours: 12 },
];

export function isDatabaseEmpty(db: Db): boolean {
  const row = db.get<{ n: number }>(sql`select count(*) as n from agents`);
  return (row?.n ?? 0) === 0;
}

/**
 * Fills an empty database with the demo accounts and tickets of README. `passwordHash` is the argon2id
 * hash of DEMO_PASSWORD, computed by the caller (hashing is not this package's job).
 */
export function seedDemoData(db: Db, options: { passwordHash: string; now: number; environment: string | undefined }): void {
  if (options.environment === 'production') throw new Error('Demo data is refused when NODE_ENV=production.');
  const { passwordHash, now } = options;
  writeTransaction(db, (tx) => {
    const [academia, netsul] = tx
      .insert(companies)
      .values([
        { name: 'Academia Boa Forma', document: '12.345.678/0001-90', phone: '+55 51 99999-0001', createdAt: now },
        { name: 'Mercado NetSul', document: '98.765.432/0001-10', phone: '+55 51 98888-0002', createdAt: now },
      ])
      .returning()
      .all();
    const [contact1, contact2] = tx
      .insert(contacts)
      .values([
        { name: 'Carla Souza', email: DEMO_ACCOUNTS.contact, companyId: academia!.id, phone: '+55 51 99999-1234', passwordHash, createdAt: now },
        { name: 'Otávio Lima', email: DEMO_ACCOUNTS.otherContact, companyId: netsul!.id, phone: '+55 51 98888-4321', passwordHash, createdAt: now },
      ])
      .returning()
      .all();
    const [agent1, agent2] = tx
      .insert(agents)
      .values([
        { name: 'Ana Atendente', email: DEMO_ACCOUNTS.agent, role: 'agent', passwordHash, createdAt: now },
        { name: 'Bruno Técnico', email: DEMO_ACCOUNTS.otherAgent, role: 'agent', passwordHash, createdAt: now },
        { name: 'Alice Admin', email: DEMO_ACCOUNTS.admin, role: 'admin', passwordHash, createdAt: now },
      ])
      .returning()
      .all();
    const [suporte, financeiro, instalacao] = tx
      .insert(departments)
      .values([
        { name: 'Suporte técnico', servesTickets: true, servesExternal: true },
        { name: 'Financeiro', servesTickets: true, servesExternal: true },
        { name: 'Instalação', servesTickets: true, servesExternal: false },
      ])
      .returning()
      .all();
    tx.insert(agentDepartments)
      .values([
        { agentId: agent1!.id, departmentId: suporte!.id },
        { agentId: agent1!.id, departmentId: financeiro!.id },
        { agentId: agent2!.id, departmentId: suporte!.id },
        { agentId: agent2!.id, departmentId: instalacao!.id },
      ])
      .run();
    tx.insert(subjects)
      .values([
        { name: 'Sem conexão', showOnHotsite: true, defaultDepartmentId: suporte!.id },
        { name: 'Lentidão', showOnHotsite: true, defaultDepartmentId: suporte!.id },
        { name: 'Segunda via de boleto', showOnHotsite: true, defaultDepartmentId: financeiro!.id },
        { name: 'Mudança de endereço', showOnHotsite: false, defaultDepartmentId: instalacao!.id },
      ])
      .run();

    const departmentIds = { suporte: suporte!.id, financeiro: financeiro!.id, instalacao: instalacao!.id };
    DEMO_TICKETS.forEach((demo, index) => {
      const contact = demo.contact === 1 ? contact1! : contact2!;
      const assignee = demo.status === 'new' ? null : index % 3 === 0 ? agent2! : agent1!;
      const createdAt = now - demo.ageHours * HOUR;
      const repliedAt = createdAt + HOUR;
      const updatedAt = demo.status === 'new' ? createdAt : repliedAt;
      const closed = demo.status === 'closed';
      const ticket = tx
        .insert(tickets)
        .values({
          subject: demo.subject,
          requesterId: contact.id,
          companyId: contact.companyId,
          departmentId: departmentIds[demo.department],
          priority: demo.priority ?? 'media',
          status: demo.status,
          assigneeId: assignee?.id ?? null,
          origin: index % 4 === 0 ? 'hotsite' : index % 4 === 1 ? 'email' : 'portal',
          createdAt,
          updatedAt,
          waitingSince: demo.status === 'waiting_customer' ? repliedAt : null,
          resolvedAt: demo.status === 'resolved' ? repliedAt : null,
          closedAt: closed ? repliedAt : null,
          closingCount: closed ? 1 : 0,
          ratingDueUntil: closed && !demo.rated ? repliedAt + DEFAULT_PORTAL_POLICY.ratingWindowDays * DAY_MS : null,
          dueAt: demoDueAt(demo, now),
        })
        .returning()
        .get();
      if (closed && demo.rated) {
        // Rated demo tickets carry their rating, so the quality area has content.
        const score = 5 - (index % 3);
        tx.insert(ratings)
          .values({ ticketId: ticket.id, closing: 1, score, comment: score === 5 ? 'Atendimento rápido e atencioso.' : null, contactId: contact.id, agentId: assignee?.id ?? null, createdAt: repliedAt + HOUR })
          .run();
      }
      tx.insert(messages)
        .values({
          ticketId: ticket.id,
          authorKind: 'contact',
          authorId: contact.id,
          visibility: 'public',
          body: `Olá, preciso de ajuda: ${demo.subject.toLowerCase()}.`,
          createdAt,
        })
        .run();
      tx.insert(ticketEvents)
        .values({ ...createdEvent({ actorKind: 'contact', actorId: contact.id }, ticket.origin, createdAt), ticketId: ticket.id })
        .run();
      if (assignee) {
        tx.insert(messages)
          .values([
            {
              ticketId: ticket.id,
              authorKind: 'agent',
              authorId: assignee.id,
              visibility: 'internal',
              body: 'Nota interna: cliente com contrato empresarial, verificar histórico antes de responder.',
              createdAt: repliedAt - 60_000,
            },
            {
              ticketId: ticket.id,
              authorKind: 'agent',
              authorId: assignee.id,
              visibility: 'public',
              body: replyFor(demo.status),
              createdAt: repliedAt,
            },
          ])
          .run();
        tx.insert(ticketEvents)
          .values({
            ticketId: ticket.id,
            actorKind: 'agent',
            actorId: assignee.id,
            type: 'status_changed',
            fromStatus: 'new',
            toStatus: demo.status,
            data: { action: 'agent_reply' },
            createdAt: repliedAt,
          })
          .run();
      }
    });
  });
}

/** Three tickets fill "Trabalho de hoje" (one of them overdue); the other dated ones are due in a week. */
function demoDueAt(demo: DemoTicket, now: number): number | null {
  if (demo.dueInDays === undefined && dueDateRuleOf(demo.status) === null) return null;
  const clock = DEFAULT_COMPANY_SETTINGS;
  return dueAtOfDay(addDays(localDateOf(now, clock.timeZone), demo.dueInDays ?? 7), clock);
}

function replyFor(status: TicketStatus): string {
  switch (status) {
    case 'waiting_customer':
      return 'Pode nos enviar uma foto das luzes do equipamento, por favor?';
    case 'resolved':
      return 'Ajustamos a configuração. Pode confirmar se ficou resolvido?';
    case 'closed':
      return 'Solicitação concluída. Obrigado pelo contato!';
    case 'onsite_visit':
      return 'Agendamos a visita técnica para quinta-feira pela manhã.';
    case 'pending':
      return 'Estamos aguardando o retorno do setor responsável.';
    default:
      return 'Recebemos sua solicitação e já estamos analisando.';
  }
}
