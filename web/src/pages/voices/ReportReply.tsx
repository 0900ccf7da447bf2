import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { answerableChannels } from "../../../../src/core/voices/report.schemas.ts";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { Field } from "../../components/Field.tsx";
import { FormOutcome } from "../../components/FormOutcome.tsx";
import { when } from "../../i18n/dates.ts";
import { submitted } from "./report-forms.ts";
import type { ReportDetail } from "./voices-api.ts";

/** A reply to the reporter, by the way back their channel has (SMS, or the receipt's status page), and the replies sent. */
export const ReportReply = ({ report }: { report: ReportDetail }) => {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const reply = useMutation({
    mutationFn: (body: string) => api("POST", `/api/voices/reports/${report.id}/replies`, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["voices", "report", report.id] }),
  });
  const answerable = answerableChannels.includes(report.channel);
  return (
    <section aria-labelledby="reply">
      <h2 id="reply">{t("voices.replyTitle")}</h2>
      <p>
        {!answerable
          ? t("voices.replyNoWayBack")
          : report.channel === "sms"
            ? t("voices.replyBySms")
            : t("voices.replyOnReceipt")}
      </p>
      {answerable && (
        <form
          className="stacked-form"
          onSubmit={(event) => {
            const { data, clear } = submitted(event);
            reply.mutate(data.body ?? "", clear);
          }}
        >
          <Field label={t("voices.reply")}>
            <textarea name="body" rows={2} required maxLength={1000} dir="auto" />
          </Field>
          <BusyButton type="submit" busy={reply.isPending}>
            {t("voices.send")}
          </BusyButton>
          <FormOutcome error={reply.error} saved={reply.isSuccess} />
        </form>
      )}
      <ul>
        {report.replies.map((rep) => (
          <li key={rep.id}>
            {when(rep.at, i18n.language)} · {t(`voices.delivery.${rep.delivery}`)}:{" "}
            <span dir="auto">{rep.body}</span>
          </li>
        ))}
      </ul>
    </section>
  );
};
