import type { ComponentChildren } from 'preact';

/**
 * A labelled form field with the API's messages about it right below, tied to the control with
 * aria-describedby and aria-invalid so a screen reader reads them with the field.
 */
export function FormField(props: {
  readonly id: string;
  readonly label: string;
  readonly messages: readonly string[];
  readonly children: (described: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
  }) => ComponentChildren;
}) {
  const messageId = `${props.id}-messages`;
  const invalid = props.messages.length > 0;
  return (
    <div class={invalid ? 'form-field invalid' : 'form-field'}>
      <label for={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        ...(invalid ? { 'aria-describedby': messageId, 'aria-invalid': true } : {}),
      })}
      {invalid ? (
        <ul id={messageId} class="field-messages">
          {props.messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
