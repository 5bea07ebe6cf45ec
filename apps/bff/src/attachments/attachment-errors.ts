/** Field messages (pt-BR, the API's language) for refused files: each names the file and what to do. */
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const attachmentMessages = {
  tooBig: (name: string, max: number) => `O arquivo "${name}" passa do limite de ${mb(max)} por arquivo.`,
  empty: (name: string) => `O arquivo "${name}" está vazio.`,
  badType: (name: string) => `O tipo do arquivo "${name}" não é aceito. Envie imagens, PDF, texto ou documentos do Office.`,
  cut: () => 'O envio dos arquivos foi interrompido antes do fim. Nada foi guardado; tente novamente.',
  tooMany: (max: number) => `Envie no máximo ${max} arquivos por mensagem.`,
  messageTooBig: (max: number) => `Os anexos passam do limite de ${mb(max)} por mensagem.`,
  unavailable: () => 'Um dos anexos não está mais disponível. Envie o arquivo de novo.',
  notMultipart: () => 'Envie os arquivos como multipart/form-data.',
};
