# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_header_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PlanHeaderDialog(object):
    def setupUi(self, PlanHeaderDialog):
        if not PlanHeaderDialog.objectName():
            PlanHeaderDialog.setObjectName(u"PlanHeaderDialog")
        PlanHeaderDialog.resize(760, 640)
        self.main_layout = QVBoxLayout(PlanHeaderDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(PlanHeaderDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.issuing_caption = QLabel(PlanHeaderDialog)
        self.issuing_caption.setObjectName(u"issuing_caption")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.issuing_caption)

        self.issuing_edit = QLineEdit(PlanHeaderDialog)
        self.issuing_edit.setObjectName(u"issuing_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.issuing_edit)

        self.number_caption = QLabel(PlanHeaderDialog)
        self.number_caption.setObjectName(u"number_caption")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.number_caption)

        self.number_edit = QLineEdit(PlanHeaderDialog)
        self.number_edit.setObjectName(u"number_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.number_edit)

        self.date_caption = QLabel(PlanHeaderDialog)
        self.date_caption.setObjectName(u"date_caption")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.date_caption)

        self.date_edit = QDateEdit(PlanHeaderDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.undated_check = QCheckBox(PlanHeaderDialog)
        self.undated_check.setObjectName(u"undated_check")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.undated_check)

        self.decision_title_caption = QLabel(PlanHeaderDialog)
        self.decision_title_caption.setObjectName(u"decision_title_caption")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.decision_title_caption)

        self.decision_title_edit = QLineEdit(PlanHeaderDialog)
        self.decision_title_edit.setObjectName(u"decision_title_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.decision_title_edit)

        self.plan_title_caption = QLabel(PlanHeaderDialog)
        self.plan_title_caption.setObjectName(u"plan_title_caption")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.plan_title_caption)

        self.plan_title_edit = QLineEdit(PlanHeaderDialog)
        self.plan_title_edit.setObjectName(u"plan_title_edit")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.plan_title_edit)

        self.prefix_caption = QLabel(PlanHeaderDialog)
        self.prefix_caption.setObjectName(u"prefix_caption")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.prefix_caption)

        self.prefix_combo = QComboBox(PlanHeaderDialog)
        self.prefix_combo.setObjectName(u"prefix_combo")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.prefix_combo)

        self.position_caption = QLabel(PlanHeaderDialog)
        self.position_caption.setObjectName(u"position_caption")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.position_caption)

        self.position_edit = QLineEdit(PlanHeaderDialog)
        self.position_edit.setObjectName(u"position_edit")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.position_edit)

        self.signer_caption = QLabel(PlanHeaderDialog)
        self.signer_caption.setObjectName(u"signer_caption")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.signer_caption)

        self.signer_edit = QLineEdit(PlanHeaderDialog)
        self.signer_edit.setObjectName(u"signer_edit")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.signer_edit)

        self.body_caption = QLabel(PlanHeaderDialog)
        self.body_caption.setObjectName(u"body_caption")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.body_caption)

        self.body_edit = QPlainTextEdit(PlanHeaderDialog)
        self.body_edit.setObjectName(u"body_edit")
        self.body_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.body_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(PlanHeaderDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(PlanHeaderDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.issuing_caption.setBuddy(self.issuing_edit)
        self.number_caption.setBuddy(self.number_edit)
        self.date_caption.setBuddy(self.date_edit)
        self.decision_title_caption.setBuddy(self.decision_title_edit)
        self.plan_title_caption.setBuddy(self.plan_title_edit)
        self.prefix_caption.setBuddy(self.prefix_combo)
        self.position_caption.setBuddy(self.position_edit)
        self.signer_caption.setBuddy(self.signer_edit)
        self.body_caption.setBuddy(self.body_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanHeaderDialog)
    # setupUi

    def retranslateUi(self, PlanHeaderDialog):
        PlanHeaderDialog.setWindowTitle(QCoreApplication.translate("PlanHeaderDialog", u"Quy\u1ebft \u0111\u1ecbnh ban h\u00e0nh k\u1ebf ho\u1ea1ch", None))
        self.intro_label.setText(QCoreApplication.translate("PlanHeaderDialog", u"Ph\u1ea7n \u0111\u1ea7u c\u1ee7a quy\u1ebft \u0111\u1ecbnh ban h\u00e0nh k\u1ebf ho\u1ea1ch: \u0111i\u1ec1n \u0111\u1ee7 s\u1ed1, ng\u00e0y v\u00e0 ng\u01b0\u1eddi k\u00fd \u0111\u1ec3 ho\u00e0n th\u00e0nh d\u1ef1 th\u1ea3o.", None))
        self.issuing_caption.setText(QCoreApplication.translate("PlanHeaderDialog", u"&C\u01a1 quan ban h\u00e0nh:", None))
        self.issuing_edit.setPlaceholderText(QCoreApplication.translate("PlanHeaderDialog", u"V\u00ed d\u1ee5: Ch\u1ee7 t\u1ecbch UBND huy\u1ec7n Ng\u1ecdc L\u1eb7c", None))
        self.number_caption.setText(QCoreApplication.translate("PlanHeaderDialog", u"&S\u1ed1, k\u00fd hi\u1ec7u:", None))
        self.number_edit.setPlaceholderText(QCoreApplication.translate("PlanHeaderDialog", u"V\u00ed d\u1ee5: 6320/Q\u0110-UBND (\u0111\u1ec3 tr\u1ed1ng khi c\u00f2n l\u00e0 d\u1ef1 th\u1ea3o)", None))
        self.date_caption.setText(QCoreApplication.translate("PlanHeaderDialog", u"&Ng\u00e0y ban h\u00e0nh:", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("PlanHeaderDialog", u"dd/MM/yyyy", None))
        self.undated_check.setText(QCoreApplication.translate("PlanHeaderDialog", u"&Ch\u01b0a c\u00f3 ng\u00e0y ban h\u00e0nh (d\u1ef1 th\u1ea3o)", None))
        self.decision_title_caption.setText(QCoreApplication.translate("PlanHeaderDialog", u"&Tr\u00edch y\u1ebfu quy\u1ebft \u0111\u1ecbnh:", None))
        self.plan_title_caption.setText(QCoreApplication.translate("PlanHeaderDialog", u"T\u00ean &k\u1ebf ho\u1ea1ch:", None))
        self.prefix_caption.setText(QCoreApplication.translate("PlanHeaderDialog", u"&Th\u1ea9m quy\u1ec1n k\u00fd:", None))
        self.position_caption.setText(QCoreApplication.translate("PlanHeaderDialog", u"C&h\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.position_edit.setPlaceholderText(QCoreApplication.translate("PlanHeaderDialog", u"V\u00ed d\u1ee5: CH\u1ee6 T\u1ecaCH", None))
        self.signer_caption.setText(QCoreApplication.translate("PlanHeaderDialog", u"Ng\u01b0\u1eddi &k\u00fd:", None))
        self.body_caption.setText(QCoreApplication.translate("PlanHeaderDialog", u"&N\u1ed9i dung quy\u1ebft \u0111\u1ecbnh\n"
"(m\u1ed7i d\u00f2ng m\u1ed9t \u0111o\u1ea1n):", None))
        self.body_edit.setPlaceholderText(QCoreApplication.translate("PlanHeaderDialog", u"C\u0103n c\u1ee9 \u2026\n"
"\u0110i\u1ec1u 1. \u2026\n"
"\u0110i\u1ec1u 2. \u2026", None))
        self.error_label.setText("")
    # retranslateUi

