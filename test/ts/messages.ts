// Checks from TypeScript that openapi.yaml models a message as a union
// discriminated by `type`: narrowing on `type` narrows `content`, and a
// content of another type's shape does not compile (make ts-check).
import type { components, operations } from "./crisp";

type ConversationMessage = components["schemas"]["ConversationMessage"];
type MessageNew = components["schemas"]["MessageNew"];
type MessageUpdate = components["schemas"]["MessageUpdate"];
type GetMessages = operations["getMessagesInConversation"];

// Every message type, handled once: the switch is exhaustive (m is never
// in the default branch), and each branch reads its own content. Answers
// are read tolerantly: a field Crisp may leave out is optional.
function summary(m: ConversationMessage): string {
  switch (m.type) {
    case "text":
    case "note":
      return m.content?.trim() ?? "";
    case "file":
      return `${m.content?.name} (${m.content?.type}) ${m.content?.url}`;
    case "animation":
      return m.content?.url ?? "";
    case "audio":
      return `${m.content?.url}, ${m.content?.duration ?? 0} s`;
    case "picker":
      return `${m.content?.text}: ${(m.content?.choices ?? []).map((c) => c.label).join(", ")}`;
    case "field":
      return `${m.content?.text} = ${m.content?.value ?? ""}`;
    case "carousel":
      return (m.content?.targets ?? []).map((t) => t.title).join(", ");
    case "event":
      return m.content?.namespace ?? "";
    default: {
      const unreachable: never = m;
      return unreachable;
    }
  }
}

function fileNames(page: GetMessages["responses"]["200"]["content"]["application/json"]): string[] {
  const names: string[] = [];
  for (const m of page.data) {
    if (m.type === "file" && m.content?.name !== undefined) {
      names.push(m.content.name);
    }
  }
  return names;
}

function textLength(m: ConversationMessage): number {
  if (m.type === "text") {
    return m.content?.length ?? 0;
  }
  // @ts-expect-error outside the text branch, content may be an object
  return m.content?.length ?? 0;
}

const text: MessageNew = { type: "text", from: "operator", origin: "chat", content: "Hello" };

const file: MessageNew = {
  type: "file",
  from: "operator",
  origin: "chat",
  content: { name: "invoice.pdf", url: "https://example.com/invoice.pdf", type: "application/pdf" },
};

// @ts-expect-error a text message cannot carry file content (TypeScript reports it at the declaration)
const textWithFileContent: MessageNew = {
  type: "text",
  from: "operator",
  origin: "chat",
  content: { name: "invoice.pdf", url: "https://example.com/invoice.pdf", type: "application/pdf" },
};

// @ts-expect-error a file message cannot carry a string (TypeScript reports it at the declaration)
const fileWithTextContent: MessageNew = {
  type: "file",
  from: "operator",
  origin: "chat",
  content: "invoice.pdf",
};

// @ts-expect-error an audio content has a duration (TypeScript reports it at the declaration)
const audioWithoutDuration: MessageNew = {
  type: "audio",
  from: "operator",
  origin: "chat",
  content: { url: "https://example.com/a.webm", type: "audio/webm" },
};

// An update does not repeat the type: its content is a string or an object.
const updates: MessageUpdate[] = [{ content: "Edited" }, { content: { id: "order", text: "Order", explain: "ORD-" } }];

export { summary, fileNames, textLength, text, file, textWithFileContent, fileWithTextContent, audioWithoutDuration, updates };
