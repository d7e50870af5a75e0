import { useState } from "react";
import type { SelfReferralSent } from "../../../src/modules/referrals/replies";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Radios, Select, Textarea, TextInput } from "../components/fields";
import { PageHeader } from "../components/layout";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { useLocalities } from "../people/queries";
import { Link } from "../router";

const CHOICE = [
  { value: "a-lot", label: "A lot: I want to decide and arrange things myself" },
  { value: "some", label: "Some: I want to decide, with help to arrange things" },
  { value: "a-little", label: "A little: I would like the council to arrange things" },
  { value: "not-sure", label: "I am not sure yet" },
];

/** "Prepare to talk to social work": anyone can fill it in and send it, no account needed. */
export function PreparePage() {
  const localities = useLocalities();
  const fields = useFields({
    givenName: "",
    familyName: "",
    dateOfBirth: "",
    localityId: "",
    contact: "",
    sentBy: "",
    whatMatters: "",
    whatIsWorking: "",
    whatIsNotWorking: "",
    helpIHave: "",
    choiceAndControl: "",
  });
  const answers = fields.values;
  const [reference, setReference] = useState<string>();
  const form = useSubmit(
    () => post<SelfReferralSent>("/api/self-referrals", answers),
    (r) => setReference(r.reference),
  );
  const field = fields.bind(form.errorFor);
  if (reference) {
    return (
      <>
        <PageHeader title="Thank you. We have your form." />
        <div className="ds_notification-panel">
          <p>
            Your reference is <strong>{reference}</strong>.
          </p>
        </div>
        <p>A social worker will contact you. This is usually within two weeks.</p>
        <p>If you are in danger now, call 999.</p>
      </>
    );
  }
  return (
    <FormPage
      title="Prepare to talk to social work"
      intro={
        <>
          <p>This form helps you think about what you need. You do not need an account.</p>
          <p>
            You can fill it in for yourself, or for someone you know. Only answer what you want to.
          </p>
          <p>
            Already have an account? <Link href="/sign-in">Sign in</Link>.
          </p>
        </>
      }
      form={form}
      submitLabel="Send to social work"
    >
      <h2>About the person who needs support</h2>
      <TextInput label="Given name" {...field("givenName")} />
      <TextInput label="Family name" {...field("familyName")} />
      <TextInput label="Date of birth" type="date" {...field("dateOfBirth")} />
      <Select
        label="Where do you live?"
        options={(localities.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        {...field("localityId")}
      />
      <TextInput
        label="How can we contact you?"
        hint="A phone number or an email address"
        {...field("contact")}
      />
      <TextInput
        label="Are you filling this in for someone else?"
        hint="If so, your name and how you know them. Leave it empty if this is about you."
        {...field("sentBy")}
      />
      <h2>What matters</h2>
      <Textarea
        label="What matters to you?"
        hint="For example: seeing friends, staying at home, getting back to work"
        {...field("whatMatters")}
      />
      <Textarea label="What is working well?" {...field("whatIsWorking")} />
      <Textarea label="What is not working?" {...field("whatIsNotWorking")} />
      <Textarea
        label="What help do you have already?"
        hint="Family, friends, neighbours, groups"
        {...field("helpIHave")}
      />
      <Radios
        label="How much say do you want in your support?"
        options={CHOICE}
        {...field("choiceAndControl")}
      />
    </FormPage>
  );
}
