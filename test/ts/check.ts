// Type-checks openapi.yaml from TypeScript: the types come from
// openapi-typescript (make ts-check generates crisp.d.ts beside this file).
import type { components, operations } from "./crisp";

type Conversation = components["schemas"]["Conversation"];
type MessageNew = components["schemas"]["MessageNew"];
type SendMessage = operations["sendMessageInConversation"];
type ListConversations = operations["listConversations"];

const message: MessageNew = {
  type: "text",
  from: "operator",
  origin: "chat",
  content: "Hello from TypeScript",
};

const body: SendMessage["requestBody"] = { content: { "application/json": message } };

const query: NonNullable<ListConversations["parameters"]["query"]> = {
  per_page: 20,
  filter_unread: 1,
  search_type: "text",
  search_query: "invoice",
};

function firstSession(page: ListConversations["responses"]["200"]["content"]["application/json"]): string | undefined {
  const list: Conversation[] = page.data;
  return list[0]?.session_id;
}

function fingerprint(answer: SendMessage["responses"]["200"]["content"]["application/json"]): number {
  return answer.data.fingerprint;
}

// Answers are tolerant: a value Crisp adds later type-checks (open sets are
// x-extensible-enum, a plain string here), and so does an answer without
// the fields no source says Crisp always sends.
const later: Conversation = { session_id: "session_1", website_id: "w", availability: "away_soon" };
const created: components["schemas"]["CampaignCreated"] = {};

// Requests stay strict: a value outside the set Crisp accepts does not.
const campaign: components["schemas"]["CampaignNew"] = {
  name: "Spring",
  // @ts-expect-error "recurring" is not a campaign type Crisp accepts
  type: "recurring",
};

export { body, query, firstSession, fingerprint, later, created, campaign };
